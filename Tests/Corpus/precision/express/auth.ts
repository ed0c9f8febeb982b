import { Router, Request, Response, NextFunction } from 'express';
import bcrypt from 'bcrypt';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Pool } from 'pg';
import { z } from 'zod';
import { AppConfig, HttpError, logger } from './app';

const BCRYPT_ROUNDS = 12;

const registerSchema = z.object({
  email: z.string().email().max(254),
  password: z.string().min(12).max(128),
  name: z.string().min(1).max(80),
});

const loginSchema = z.object({
  email: z.string().email(),
  password: z.string().min(1).max(128),
});

export interface AuthedRequest extends Request {
  userId?: number;
}

export function requireAuth(config: AppConfig) {
  return (req: AuthedRequest, _res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) {
      next(new HttpError(401, 'unauthorized'));
      return;
    }
    try {
      const payload = jwt.verify(token, config.jwtSecret, {
        algorithms: ['HS256'],
        issuer: 'shop-api',
      }) as JwtPayload;
      req.userId = Number(payload.sub);
      next();
    } catch (err) {
      req.log.info({ reason: (err as Error).name }, 'bearer verification failed');
      next(new HttpError(401, 'unauthorized'));
    }
  };
}

export function verifyWebhookSignature(secret: string, body: Buffer, signatureHex: string): boolean {
  const expected = createHmac('sha256', secret).update(body).digest();
  const received = Buffer.from(signatureHex, 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export function buildAuthRouter(pool: Pool, config: AppConfig): Router {
  const router = Router();

  router.post('/register', async (req, res, next) => {
    const parsed = registerSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid input', fields: parsed.error.issues.map((i) => i.path.join('.')) });
      return;
    }
    const { email, password, name } = parsed.data;
    try {
      const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS);
      const result = await pool.query<{ id: number }>(
        'INSERT INTO users (email, password_hash, name) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id',
        [email.toLowerCase(), passwordHash, name],
      );
      if (result.rowCount === 0) {
        res.status(409).json({ error: 'email already registered' });
        return;
      }
      logger.info({ userId: result.rows[0].id }, 'user registered');
      res.status(201).json({ id: result.rows[0].id });
    } catch (err) {
      next(err);
    }
  });

  router.post('/login', async (req, res, next) => {
    const parsed = loginSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid input' });
      return;
    }
    try {
      const { rows } = await pool.query<{ id: number; password_hash: string }>(
        'SELECT id, password_hash FROM users WHERE email = $1 AND disabled_at IS NULL',
        [parsed.data.email.toLowerCase()],
      );
      const user = rows[0];
      const ok = user ? await bcrypt.compare(parsed.data.password, user.password_hash) : false;
      if (!user || !ok) {
        logger.warn({ userId: user?.id ?? null }, 'login failed');
        res.status(401).json({ error: 'invalid credentials' });
        return;
      }
      const accessToken = jwt.sign({ sub: String(user.id) }, config.jwtSecret, {
        algorithm: 'HS256',
        expiresIn: '15m',
        issuer: 'shop-api',
      });
      const sessionId = randomBytes(32).toString('base64url');
      await pool.query('INSERT INTO sessions (id, user_id, expires_at) VALUES ($1, $2, now() + interval \'14 days\')', [
        sessionId,
        user.id,
      ]);
      res.cookie('sid', sessionId, {
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        maxAge: 14 * 24 * 3600 * 1000,
        path: '/auth',
      });
      logger.info({ userId: user.id, tokenType: 'Bearer' }, 'login ok');
      res.json({ accessToken, tokenType: 'Bearer', expiresIn: 900 });
    } catch (err) {
      next(err);
    }
  });

  router.post('/password-reset', async (req, res, next) => {
    const email = z.string().email().safeParse(req.body?.email);
    if (!email.success) {
      res.status(400).json({ error: 'invalid input' });
      return;
    }
    try {
      const { rows } = await pool.query<{ id: number }>('SELECT id FROM users WHERE email = $1', [
        email.data.toLowerCase(),
      ]);
      if (rows[0]) {
        const resetToken = randomBytes(32).toString('base64url');
        const resetDigest = createHmac('sha256', config.jwtSecret).update(resetToken).digest('hex');
        await pool.query(
          'INSERT INTO password_resets (user_id, token_digest, expires_at) VALUES ($1, $2, now() + interval \'1 hour\')',
          [rows[0].id, resetDigest],
        );
        logger.info({ userId: rows[0].id }, 'password reset requested');
      }
      res.status(202).json({ status: 'if the account exists, an email has been sent' });
    } catch (err) {
      next(err);
    }
  });

  return router;
}
