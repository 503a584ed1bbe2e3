import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../http/api-error.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may read GET /metrics. No METRICS_TOKEN means nobody (404, as if the route were not there): the API port
 * is the public one, and an operator who wants metrics says so by choosing a token for the scraper. With a
 * token, only `Authorization: Bearer <token>` passes; tenants' API keys never do, since metrics span tenants.
 */
export function metricsAccess(token: string | undefined): (authorization: string | undefined) => void {
  // Compared as SHA-256 digests: equal lengths for timingSafeEqual, so neither length nor prefix leaks by timing.
  const expected = token === undefined ? undefined : digest(token);
  return (authorization) => {
    if (!expected) throw ApiError.notFound('Metrics are off: the operator has not set METRICS_TOKEN');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1]!), expected))
      throw ApiError.unauthorized('GET /metrics needs Authorization: Bearer <METRICS_TOKEN>');
  };
}
