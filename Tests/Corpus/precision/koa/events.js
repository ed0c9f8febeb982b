'use strict';

const Router = require('@koa/router');
const Joi = require('joi');
const { createHash } = require('node:crypto');
const { loadSession } = require('./session');

const listSchema = Joi.object({
  city: Joi.string().max(64).pattern(/^[\p{L} .'-]+$/u),
  from: Joi.date().iso(),
  limit: Joi.number().integer().min(1).max(100).default(25),
});

const rsvpSchema = Joi.object({
  eventIds: Joi.array().items(Joi.number().integer().positive()).min(1).max(20).required(),
});

function shuffleForDisplay(items) {
  // Fisher-Yates with Math.random: only used to vary the order of featured cards on the landing page.
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function buildEventsRouter(pool, logger) {
  const router = new Router({ prefix: '/events' });
  const authed = (ctx, next) => loadSession(pool, ctx, next);

  router.get('/', async (ctx) => {
    const { value, error } = listSchema.validate(ctx.query);
    if (error) {
      ctx.throw(400, 'invalid query');
    }
    const clauses = ['e.published = 1'];
    const params = {};
    if (value.city) {
      clauses.push('e.city LIKE :cityPrefix');
      params.cityPrefix = `${value.city.replace(/[\\%_]/g, '\\$&')}%`;
    }
    if (value.from) {
      clauses.push('e.starts_at >= :from');
      params.from = value.from;
    }
    params.limit = String(value.limit);
    const [rows] = await pool.execute(
      `SELECT e.id, e.title, e.city, e.starts_at, v.name AS venue
         FROM events e JOIN venues v ON v.id = e.venue_id
        WHERE ${clauses.join(' AND ')}
        ORDER BY e.starts_at
        LIMIT :limit`,
      params,
    );
    const payload = JSON.stringify({ events: rows });
    const etag = `W/"${createHash('md5').update(payload).digest('hex')}"`;
    ctx.set('ETag', etag);
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'application/json';
    ctx.body = payload;
  });

  router.get('/featured', async (ctx) => {
    const [rows] = await pool.execute(
      'SELECT id, title, city, starts_at FROM events WHERE featured = 1 AND starts_at > NOW() LIMIT 12',
    );
    ctx.body = { events: shuffleForDisplay(rows) };
  });

  router.post('/rsvp', authed, async (ctx) => {
    const { value, error } = rsvpSchema.validate(ctx.request.body);
    if (error) {
      ctx.throw(400, 'invalid input');
    }
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      const [open] = await conn.query('SELECT id FROM events WHERE id IN (?) AND rsvp_open = 1 FOR UPDATE', [
        value.eventIds,
      ]);
      const openIds = open.map((r) => r.id);
      if (openIds.length > 0) {
        await conn.query('INSERT IGNORE INTO rsvps (event_id, member_id) VALUES ?', [
          openIds.map((id) => [id, ctx.state.userId]),
        ]);
      }
      await conn.commit();
      logger.info('rsvp recorded', { userId: ctx.state.userId, eventCount: openIds.length });
      ctx.body = { accepted: openIds, rejected: value.eventIds.filter((id) => !openIds.includes(id)) };
    } catch (err) {
      await conn.rollback();
      throw err;
    } finally {
      conn.release();
    }
  });

  router.get('/go', (ctx) => {
    const slug = String(ctx.query.slug || '');
    if (!/^[a-z0-9-]{1,80}$/.test(slug)) {
      ctx.redirect('/events');
      return;
    }
    ctx.redirect(`/events/by-slug/${slug}`);
  });

  return router;
}

module.exports = { buildEventsRouter, shuffleForDisplay };
