import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import type { KeyService } from '../auth/key-service.ts';
import type { RateLimiter } from '../auth/rate-limiter.ts';
import type { Principal, Scope } from '../principal/scopes.ts';
import { ApiError } from './api-error.ts';
import type { Spec } from './openapi-spec.ts';
import { createRequestValidators, validateRequest } from './validator.ts';

export interface OperationDeps {
  spec: Spec;
  keys: KeyService;
  rateLimiter: RateLimiter;
  bodyLimitBytes: number;
}

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw ApiError.unauthorized();
  return p;
}

/**
 * Registers a route straight from the spec: method, path, scope and validation all come from openapi.yaml,
 * so a route cannot drift from its contract. Order: authenticate → scope → rate limit → parse → validate.
 */
export function createRouteRegistrar(deps: OperationDeps) {
  const validators = createRequestValidators(deps.spec);
  const json = express.json({ limit: deps.bodyLimitBytes, type: ['application/json', 'application/*+json'] });
  const text = express.text({ limit: deps.bodyLimitBytes, type: ['text/csv', 'application/x-ndjson'] });

  const authenticate =
    (scope: Scope | undefined): RequestHandler =>
    async (req: Request, res: Response, next: NextFunction) => {
      const header = req.headers.authorization ?? '';
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const principal = m ? await deps.keys.authenticate(m[1]!) : null;
      if (!principal) throw ApiError.unauthorized();
      res.locals.principal = principal;
      if (scope && !principal.scopes.includes(scope)) {
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

  return function route(router: Router, operationId: string, handler: RequestHandler): void {
    const v = validators.get(operationId);
    if (!v) throw new Error(`operation ${operationId} is not in openapi.yaml`);
    const { op } = v;
    if (op.planned)
      throw new Error(`operation ${operationId} is marked x-status: planned; remove the mark first`);
    const path = op.path.replace(/\{([^}]+)\}/g, ':$1');
    const chain: RequestHandler[] = [
      (_req, res, next) => {
        res.locals.route = op.path;
        next();
      },
    ];
    if (!op.public) chain.push(authenticate(op.scope as Scope | undefined));
    // A streamed upload is read by its handler, after authentication, with its own size limit.
    if (!op.streamBody) chain.push(json, text);
    chain.push(validateRequest(v), handler);
    const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
    router[method](path, ...chain);
  };
}

export type RouteRegistrar = ReturnType<typeof createRouteRegistrar>;
