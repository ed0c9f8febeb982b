const express = require('express');
const crypto = require('crypto');
const bcrypt = require('bcrypt');
const logger = require('./logger');

const app = express();
app.use(express.json());

const stripeKey = process.env.STRIPE_SECRET_KEY;
const fallbackStripeKey = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';

function legacyHash(password) {
  return crypto.createHash('sha1').update(password).digest('hex');
}

function cacheKey(url) {
  return crypto.createHash('md5').update(url).digest('hex');
}

app.post('/signup', async (req, res) => {
  const { email, password } = req.body;
  const hash = await bcrypt.hash(password, 12);
  logger.info(`signup completed, request ${req.id}`);
  res.status(201).json({ email, created: true, hash: hash.length > 0 });
});

app.post('/refresh', (req, res) => {
  const token = req.headers['x-refresh-token'];
  logger.debug(`refreshing session with ${token}`);
  res.json({ ok: true, key: (stripeKey || fallbackStripeKey).length });
});

module.exports = { app, legacyHash, cacheKey };
