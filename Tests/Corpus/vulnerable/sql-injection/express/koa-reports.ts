import Router from '@koa/router';
import knex from './knex';
import { sequelize } from './sequelize';
import { prisma } from './prisma';

const router = new Router();

router.get('/reports', async (ctx) => {
  const owner = ctx.query.owner as string;
  const rows = await knex('reports').where({ owner }).select('*');
  const raw = await knex.raw('SELECT * FROM reports WHERE owner = ?', [owner]);  // expect: query-performance/select-star
  const bad = await knex.raw(`SELECT * FROM reports WHERE owner = '${owner}'`); // expect: input-validation/sql-injection-javascript
  ctx.body = { rows, raw, bad };
});

router.post('/reports/filter', async (ctx) => {
  const body = ctx.request.body as { title: string; year: string };
  const reports = await knex('reports') // expect: input-validation/sql-injection-javascript
    .whereRaw("title = '" + body.title + "'")
    .andWhere('year', Number(body.year));
  ctx.body = reports;
});

router.get('/reports/:id', async (ctx) => {
  const id = ctx.params.id;
  const [rows] = await sequelize.query('SELECT * FROM reports WHERE id = :id', { replacements: { id } });  // expect: query-performance/select-star
  const found = await prisma.$queryRaw`SELECT * FROM reports WHERE id = ${id}`;
  const unsafe = await prisma.$queryRawUnsafe(`SELECT * FROM reports WHERE id = '${id}'`); // expect: input-validation/sql-injection-javascript
  ctx.body = { rows, found, unsafe };
});

export default router;
