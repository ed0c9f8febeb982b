'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const cors = require('@koa/cors');
const helmet = require('koa-helmet');
const { randomUUID } = require('node:crypto');
const winston = require('winston');
const mysql = require('mysql2/promise');
const { buildEventsRouter } = require('./events');
const { buildSessionRouter } = require('./session');

const logger = winston.createLogger({
  level: process.env.LOG_LEVEL || 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
  transports: [new winston.transports.Console()],
});

const ALLOWED_ORIGINS = new Set((process.env.CORS_ORIGINS || 'https://events.example.com').split(','));

function requiredEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

function createPool() {
  return mysql.createPool({
    host: requiredEnv('MYSQL_HOST'),
    user: requiredEnv('MYSQL_USER'),
    password: requiredEnv('MYSQL_PASSWORD'),
    database: requiredEnv('MYSQL_DATABASE'),
    ssl: { rejectUnauthorized: true },
    connectionLimit: 10,
    namedPlaceholders: true,
  });
}

function requestId() {
  return async (ctx, next) => {
    const incoming = ctx.get('x-request-id');
    ctx.state.requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    ctx.set('X-Request-Id', ctx.state.requestId);
    await next();
  };
}

function errorHandler() {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      if (err.expose && err.status && err.status < 500) {
        ctx.status = err.status;
        ctx.body = { error: err.message };
        return;
      }
      logger.error('unhandled error', { err, requestId: ctx.state.requestId, path: ctx.path });
      ctx.status = 500;
      ctx.body = { error: 'internal error' };
    }
  };
}

function accessLog() {
  return async (ctx, next) => {
    const started = process.hrtime.bigint();
    await next();
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info('request', {
      requestId: ctx.state.requestId,
      method: ctx.method,
      path: ctx.path,
      status: ctx.status,
      durationMs: Math.round(durationMs),
      userId: ctx.state.userId || null,
    });
  };
}

function createApp() {
  const app = new Koa();
  app.keys = requiredEnv('COOKIE_KEYS').split(',');
  app.proxy = true;
  const pool = createPool();

  app.use(errorHandler());
  app.use(requestId());
  app.use(accessLog());
  app.use(helmet());
  app.use(
    cors({
      origin: (ctx) => (ALLOWED_ORIGINS.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
      credentials: true,
    }),
  );
  app.use(bodyParser({ jsonLimit: '64kb', enableTypes: ['json'] }));

  const sessionRouter = buildSessionRouter(pool, logger);
  const eventsRouter = buildEventsRouter(pool, logger);
  app.use(sessionRouter.routes()).use(sessionRouter.allowedMethods());
  app.use(eventsRouter.routes()).use(eventsRouter.allowedMethods());

  const health = new Router();
  health.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  app.use(health.routes());

  app.on('error', (err, ctx) => {
    logger.error('koa error event', { err, requestId: ctx && ctx.state.requestId });
  });
  return app;
}

module.exports = { createApp, logger };

if (require.main === module) {
  const port = Number.parseInt(process.env.PORT || '3000', 10);
  createApp().listen(port, () => logger.info('listening', { port }));
}
