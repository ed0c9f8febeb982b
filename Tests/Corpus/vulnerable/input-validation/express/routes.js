const express = require('express');
const path = require('path');
const fs = require('fs');
const { exec, execFile } = require('child_process');
const escapeHtml = require('escape-html');
const User = require('../models/user');

const router = express.Router();
const UPLOADS = path.join(__dirname, '..', 'uploads');

router.get('/ping', (req, res) => {
  const host = req.query.host;
  exec(`ping -c 1 ${host}`, (err, stdout) => {  // expect: input-validation/command-injection-javascript
    res.type('text').send(stdout);
  });
});

router.get('/ping-safe', (req, res) => {
  execFile('ping', ['-c', '1', req.query.host], (err, stdout) => res.type('text').send(stdout));
});

router.get('/files', (req, res) => {
  res.sendFile(path.join(UPLOADS, req.query.name));  // expect: input-validation/path-traversal-javascript
});

router.get('/files-safe', (req, res) => {
  res.sendFile(req.query.name, { root: UPLOADS });
});

router.get('/login/done', (req, res) => {
  const { next } = req.query;
  res.redirect(next || '/');  // expect: input-validation/open-redirect-javascript
});

router.get('/orders/:id', (req, res) => {
  res.redirect(`/orders/${req.params.id}/summary`);
});

router.get('/search', (req, res) => {
  const q = req.query.q;
  res.send(`<p>No results for ${q}</p>`);  // expect: input-validation/xss-javascript
});

router.get('/search-safe', (req, res) => {
  res.send(`<p>No results for ${escapeHtml(req.query.q)}</p>`);
});

router.post('/calc', (req, res) => {
  const result = eval(req.body.expression);  // expect: input-validation/code-injection-javascript
  res.json({ result });
});

router.post('/users', async (req, res) => {
  const user = await User.create(req.body);  // expect: input-validation/mass-assignment-javascript
  res.status(201).json(user);
});

router.put('/users/:id', async (req, res) => {
  const { name, email } = req.body;
  const user = await User.findByIdAndUpdate(req.params.id, { name, email }, { new: true });
  res.json(user);
});

module.exports = router;
