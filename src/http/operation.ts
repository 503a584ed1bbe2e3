import express, { type RequestHandler, type Response, type Router } from 'express';
import type { Principal } from '../principal/scopes.ts';
import { ApiError } from './api-error.ts';
import type { Spec } from './openapi-spec.ts';
import { createRequestValidators, validateRequest } from './validator.ts';

export interface OperationDeps {
  spec: Spec;
  /** Middleware that authenticates the caller for an operation's scope (src/auth/authenticate.ts). */
  authenticate: (scope: string | undefined) => RequestHandler;
  bodyLimitBytes: number;
}

/** The principal the authenticate middleware stored for this request; none means 401. */
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
    if (!op.public) chain.push(deps.authenticate(op.scope));
    // A streamed upload is read by its handler, after authentication, with its own size limit.
    if (!op.streamBody) chain.push(json, text);
    chain.push(validateRequest(v), handler);
    const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete' | 'patch';
    router[method](path, ...chain);
  };
}

export type RouteRegistrar = ReturnType<typeof createRouteRegistrar>;
