const crypto = require('crypto');
const https = require('https');
const axios = require('axios');
const express = require('express');

const router = express.Router();
const KEY = Buffer.from(process.env.DATA_KEY, 'hex');

function legacyEncrypt(text) {
  const cipher = crypto.createCipheriv('des-ede3-cbc', KEY.subarray(0, 24), KEY.subarray(0, 8)); // expect: sensitive-data/weak-cipher-javascript
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function encrypt(text) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', KEY, iv);
  const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
}

function generateToken() {
  return Math.random().toString(36).slice(2); // expect: sensitive-data/insecure-random-javascript
}

const partnerAgent = new https.Agent({ rejectUnauthorized: false }); // expect: sensitive-data/tls-verification-disabled-javascript

router.post('/otp', async (req, res) => {
  const otp = Math.floor(100000 + Math.random() * 900000); // expect: sensitive-data/insecure-random-javascript
  const backoff = Math.random() * 250;
  const sessionId = crypto.randomUUID();
  await axios.post('https://sms.partner.example/send', { to: req.body.phone, otp }, { httpsAgent: partnerAgent });
  res.json({ sessionId, backoff, token: generateToken(), sealed: encrypt(String(otp)) });
});

router.get('/legacy', (req, res) => {
  res.send(legacyEncrypt(req.query.v));
});

module.exports = router;
