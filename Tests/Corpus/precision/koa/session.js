'use strict';

const Router = require('@koa/router');
const Joi = require('joi');
const { scrypt, randomBytes, timingSafeEqual } = require('node:crypto');
const { promisify } = require('node:util');

const scryptAsync = promisify(scrypt);
const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 64;

const credentialsSchema = Joi.object({
  email: Joi.string().email().max(254).required(),
  password: Joi.string().min(12).max(128).required(),
});

async function hashPassword(plain) {
  const salt = randomBytes(16);
  const derived = await scryptAsync(plain, salt, KEY_LENGTH, SCRYPT_PARAMS);
  return `scrypt$${salt.toString('base64')}$${derived.toString('base64')}`;
}

async function verifyPassword(plain, stored) {
  const [scheme, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !hashB64) {
    return false;
  }
  const expected = Buffer.from(hashB64, 'base64');
  const derived = await scryptAsync(plain, Buffer.from(saltB64, 'base64'), expected.length, SCRYPT_PARAMS);
  return timingSafeEqual(derived, expected);
}

function buildSessionRouter(pool, logger) {
  const router = new Router({ prefix: '/session' });

  router.post('/register', async (ctx) => {
    const { value, error } = credentialsSchema.validate(ctx.request.body, { abortEarly: false });
    if (error) {
      ctx.throw(400, 'invalid input');
    }
    const passwordHash = await hashPassword(value.password);
    try {
      const [result] = await pool.execute(
        'INSERT INTO members (email, password_hash) VALUES (:email, :passwordHash)',
        { email: value.email.toLowerCase(), passwordHash },
      );
      logger.info('member registered', { userId: result.insertId });
      ctx.status = 201;
      ctx.body = { id: result.insertId };
    } catch (err) {
      if (err.code === 'ER_DUP_ENTRY') {
        ctx.throw(409, 'email already registered');
      }
      throw err;
    }
  });

  router.post('/', async (ctx) => {
    const { value, error } = credentialsSchema.validate(ctx.request.body);
    if (error) {
      ctx.throw(400, 'invalid input');
    }
    const [rows] = await pool.execute('SELECT id, password_hash FROM members WHERE email = ? LIMIT 1', [
      value.email.toLowerCase(),
    ]);
    const member = rows[0];
    if (!member || !(await verifyPassword(value.password, member.password_hash))) {
      logger.warn('sign-in rejected', { userId: member ? member.id : null, requestId: ctx.state.requestId });
      ctx.throw(401, 'invalid credentials');
    }
    const sessionId = randomBytes(32).toString('hex');
    await pool.execute('INSERT INTO member_sessions (id, member_id, expires_at) VALUES (?, ?, NOW() + INTERVAL 7 DAY)', [
      sessionId,
      member.id,
    ]);
    ctx.cookies.set('sid', sessionId, {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      signed: true,
      maxAge: 7 * 24 * 3600 * 1000,
    });
    logger.info('signed in', { userId: member.id });
    ctx.body = { id: member.id };
  });

  router.delete('/', async (ctx) => {
    const sessionId = ctx.cookies.get('sid', { signed: true });
    if (sessionId) {
      await pool.execute('DELETE FROM member_sessions WHERE id = ?', [sessionId]);
    }
    ctx.cookies.set('sid', null, { httpOnly: true, secure: true, sameSite: 'lax' });
    ctx.status = 204;
  });

  return router;
}

async function loadSession(pool, ctx, next) {
  const sessionId = ctx.cookies.get('sid', { signed: true });
  if (!sessionId) {
    ctx.throw(401, 'unauthorized');
  }
  const [rows] = await pool.execute('SELECT member_id FROM member_sessions WHERE id = ? AND expires_at > NOW()', [
    sessionId,
  ]);
  if (!rows[0]) {
    ctx.throw(401, 'unauthorized');
  }
  ctx.state.userId = rows[0].member_id;
  await next();
}

module.exports = { buildSessionRouter, loadSession, hashPassword, verifyPassword };
