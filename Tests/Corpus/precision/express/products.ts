import { Router } from 'express';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { z } from 'zod';
import { AppConfig, HttpError } from './app';
import { AuthedRequest, requireAuth } from './auth';

const execFileAsync = promisify(execFile);

const listQuery = z.object({
  q: z.string().max(64).optional(),
  category: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.coerce.number().int().nonnegative().default(0),
});

const SORT_COLUMNS: Record<string, string> = {
  name: 'p.name',
  price: 'p.price_cents',
  newest: 'p.created_at',
};

interface ProductRow {
  id: number;
  name: string;
  price_cents: number;
  category_id: number;
}

export function buildProductRouter(pool: Pool, config: AppConfig): Router {
  const router = Router();

  router.get('/', async (req, res, next) => {
    const parsed = listQuery.safeParse(req.query);
    if (!parsed.success) {
      next(new HttpError(400, 'invalid query'));
      return;
    }
    const { q, category, limit, cursor } = parsed.data;
    const orderBy = SORT_COLUMNS[String(req.query.sort ?? 'name')] ?? SORT_COLUMNS.name;
    const params: unknown[] = [cursor, limit];
    const where: string[] = ['p.id > $1', 'p.archived = false'];
    if (q) {
      params.push(q.replace(/[\\%_]/g, (c) => `\\${c}`) + '%');
      where.push(`p.name ILIKE $${params.length}`);
    }
    if (category) {
      params.push(category);
      where.push(`p.category_id = $${params.length}`);
    }
    try {
      const { rows } = await pool.query<ProductRow>(
        `SELECT p.id, p.name, p.price_cents, p.category_id FROM products p WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT $2`,
        params,
      );
      const ids = rows.map((r) => r.id);
      const images = ids.length
        ? (
            await pool.query<{ product_id: number; url: string }>(
              'SELECT product_id, url FROM product_images WHERE product_id = ANY($1::int[]) ORDER BY position',
              [ids],
            )
          ).rows
        : [];
      const body = JSON.stringify({
        products: rows.map((r) => ({ ...r, images: images.filter((i) => i.product_id === r.id).map((i) => i.url) })),
        nextCursor: rows.length === limit ? rows[rows.length - 1].id : null,
      });
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.setHeader('ETag', etag);
      res.type('application/json').send(body);
    } catch (err) {
      next(err);
    }
  });

  router.get('/:id(\\d+)/manual', requireAuth(config), async (req: AuthedRequest, res, next) => {
    try {
      const { rows } = await pool.query<{ manual_file: string | null }>(
        'SELECT manual_file FROM products WHERE id = $1',
        [Number(req.params.id)],
      );
      if (!rows[0]?.manual_file) {
        next(new HttpError(404, 'not found'));
        return;
      }
      res.sendFile(path.basename(rows[0].manual_file), { root: config.uploadDir, dotfiles: 'deny' }, (err) => {
        if (err) {
          req.log.error({ err, productId: req.params.id }, 'manual download failed');
          if (!res.headersSent) res.status(500).json({ error: 'internal error' });
        }
      });
    } catch (err) {
      next(err);
    }
  });

  router.post('/:id(\\d+)/thumbnail', requireAuth(config), async (req: AuthedRequest, res, next) => {
    const productId = Number(req.params.id);
    try {
      const { rows } = await pool.query<{ image_file: string }>('SELECT image_file FROM products WHERE id = $1', [
        productId,
      ]);
      if (!rows[0]) {
        next(new HttpError(404, 'not found'));
        return;
      }
      const source = path.join(config.uploadDir, path.basename(rows[0].image_file));
      const target = path.join(config.uploadDir, `thumb-${productId}.webp`);
      await execFileAsync('cwebp', ['-q', '80', '-resize', '256', '0', source, '-o', target], { timeout: 20_000 });
      req.log.info({ productId, userId: req.userId }, 'thumbnail regenerated');
      res.json({ ok: true });
    } catch (err) {
      next(err);
    }
  });

  return router;
}
