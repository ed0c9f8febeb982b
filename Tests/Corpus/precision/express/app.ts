import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import cors from 'cors';
import cookieParser from 'cookie-parser';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { Pool } from 'pg';
import { buildAuthRouter } from './auth';
import { buildProductRouter } from './products';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: {
    paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    remove: true,
  },
});

export interface AppConfig {
  databaseUrl: string;
  jwtSecret: string;
  allowedOrigins: string[];
  uploadDir: string;
}

export function loadConfig(): AppConfig {
  const jwtSecret = process.env.JWT_SECRET;
  const databaseUrl = process.env.DATABASE_URL;
  if (!jwtSecret || jwtSecret.length < 32) {
    throw new Error('JWT_SECRET must be set and at least 32 characters');
  }
  if (!databaseUrl) {
    throw new Error('DATABASE_URL must be set');
  }
  return {
    databaseUrl,
    jwtSecret,
    allowedOrigins: (process.env.CORS_ORIGINS ?? 'https://shop.example.com').split(',').map((o) => o.trim()),
    uploadDir: process.env.UPLOAD_DIR ?? '/srv/shop/uploads',
  };
}

export class HttpError extends Error {
  constructor(public readonly status: number, public readonly publicMessage: string) {
    super(publicMessage);
  }
}

export function createApp(config: AppConfig): express.Express {
  const pool = new Pool({
    connectionString: config.databaseUrl,
    ssl: { rejectUnauthorized: true },
    max: 10,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  app.use(helmet());
  app.use(
    cors({
      origin: config.allowedOrigins,
      credentials: true,
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
    }),
  );
  app.use(express.json({ limit: '100kb' }));
  app.use(cookieParser());
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => {
        const incoming = req.headers['x-request-id'];
        return typeof incoming === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(incoming) ? incoming : randomUUID();
      },
    }),
  );

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/auth', buildAuthRouter(pool, config));
  app.use('/products', buildProductRouter(pool, config));

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not found' });
  });

  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) {
      res.status(err.status).json({ error: err.publicMessage });
      return;
    }
    req.log.error({ err, requestId: req.id }, 'unhandled error');
    res.status(500).json({ error: 'internal error' });
  });

  return app;
}

if (require.main === module) {
  const config = loadConfig();
  const port = Number.parseInt(process.env.PORT ?? '3000', 10);
  createApp(config).listen(port, () => {
    logger.info({ port }, 'listening');
  });
}
