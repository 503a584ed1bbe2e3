import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError } from '../http/api-error.ts';
import type { Scope } from '../principal/scopes.ts';
import type { KeyService } from './key-service.ts';
import type { RateLimiter } from './rate-limiter.ts';

export interface AuthenticatorDeps {
  keys: KeyService;
  rateLimiter: RateLimiter;
}

/**
 * Bearer key → principal → scope → rate limit, as one middleware per operation. Built here and handed to the
 * route registrar as a function, so src/http knows nothing of keys or tenants and stays below auth.
 */
export function createAuthenticator(deps: AuthenticatorDeps) {
  return (scope: string | undefined): RequestHandler =>
    async (req: Request, res: Response, next: NextFunction) => {
      const header = req.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const principal = m ? await deps.keys.authenticate(m[1]!) : null;
      if (!principal) throw ApiError.unauthorized();
      res.locals.principal = principal;
      if (scope && !principal.scopes.includes(scope as Scope)) {
        throw ApiError.forbidden(`This API key lacks the "${scope}" scope`);
      }
      const wait = deps.rateLimiter.take(principal.keyId, principal.rateLimitPerSecond);
      if (wait > 0) {
        throw new ApiError(429, 'Too Many Requests', 'Rate limit exceeded for this API key', undefined, {
          'Retry-After': String(wait),
        });
      }
      next();
    };
}
