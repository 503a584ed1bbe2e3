import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { accessLogger, type Logger } from '../logger.ts';
import type { HttpMetrics } from './metrics.ts';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Request id (kept from X-Request-Id when it is safe to echo), one access-log line, and the metrics. */
export function requestContext(log: Logger, metrics: HttpMetrics) {
  const access = accessLogger(log);
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (res.locals.route as string | undefined) ?? 'unmatched';
      metrics.observe(req.method, route, res.statusCode, seconds);
      const principal = res.locals.principal as { keyId: string; tenantId: string } | undefined;
      access.info(
        {
          requestId,
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1e4) / 10,
          tenant: principal?.tenantId,
          keyId: principal?.keyId,
        },
        'request',
      );
    });
    next();
  };
}
