const express = require('express');
const pino = require('pino');

const logger = pino();
const app = express();
app.use(express.json());

app.use((req, res, next) => {
  console.log(req.headers); // expect: logging/request-logged-javascript
  logger.info({ method: req.method, path: req.path }, 'incoming request');
  next();
});

app.post('/login', (req, res) => {
  logger.debug(`login body ${JSON.stringify(req.body)}`); // expect: logging/request-logged-javascript
  logger.info(`login attempt for ${req.body.email}`); // expect: logging/pii-in-log-javascript
  logger.info({ userAgent: req.headers['user-agent'] }, 'client');
  res.json({ ok: true });
});

app.get('/me', (req, res) => {
  logger.warn('auth header', req.headers.authorization); // expect: logging/request-logged-javascript
  res.json({ id: req.user && req.user.id });
});

app.put('/profile', (req, res) => {
  const { phoneNumber } = req.body;
  logger.info(`profile updated: phone ${phoneNumber}`); // expect: logging/pii-in-log-javascript
  logger.info('profile updated', { userId: req.user.id, hasPhone: Boolean(phoneNumber) });
  res.json({ ok: true });
});

app.listen(3000, () => logger.info('listening on 3000'));
