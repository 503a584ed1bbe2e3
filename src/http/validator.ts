import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, type FieldError } from './api-error.ts';
import type { JsonSchema, Spec, SpecOperation } from './openapi-spec.ts';
import { compile, createAjv, toFieldErrors } from './schema-compiler.ts';
import { unstorableStrings } from './unstorable-strings.ts';

interface OperationValidator {
  op: SpecOperation;
  contentTypes: string[];
  body: Map<string, ValidateFunction>;
  query: ValidateFunction;
  path: ValidateFunction;
  header: ValidateFunction;
}

function paramsSchema(op: SpecOperation, where: 'query' | 'path' | 'header', closed: boolean): JsonSchema {
  const params = op.parameters.filter((p) => p.in === where);
  const name = (n: string) => (where === 'header' ? n.toLowerCase() : n);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [name(p.name), p.schema])),
    required: params.filter((p) => p.required).map((p) => name(p.name)),
    // A typo in a filter must not silently return everything; headers are open (proxies add many).
    additionalProperties: !closed,
  };
}

/** Compiles every operation's request validators once, at start. */
export function createRequestValidators(spec: Spec): Map<string, OperationValidator> {
  const strictAjv = createAjv(spec, { coerce: false });
  const paramAjv = createAjv(spec, { coerce: true });
  const out = new Map<string, OperationValidator>();
  for (const op of spec.operations.values()) {
    const content = op.requestBody?.content ?? {};
    out.set(op.operationId, {
      op,
      contentTypes: Object.keys(content),
      body: new Map(
        Object.entries(content)
          .filter(([type]) => type.includes('json'))
          .map(([type, media]) => [type, compile(strictAjv, media.schema)]),
      ),
      query: compile(paramAjv, paramsSchema(op, 'query', true)),
      path: compile(paramAjv, paramsSchema(op, 'path', false)),
      header: compile(paramAjv, paramsSchema(op, 'header', false)),
    });
  }
  return out;
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The body without the array its handler checks item by item (`x-item-body`). */
function withoutItems(body: unknown, itemBody: string | undefined): unknown {
  if (!itemBody || typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { [itemBody]: _items, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** Validates content type, parameters and body of one operation; coerced params land back on the request. */
export function validateRequest(v: OperationValidator) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const errors: FieldError[] = [];
    if (v.contentTypes.length > 0) {
      if (hasBody(req) && !req.is(v.contentTypes)) {
        throw new ApiError(415, 'Unsupported Media Type', `Send the body as ${v.contentTypes.join(' or ')}`);
      }
      if (v.op.requestBody?.required && (!hasBody(req) || (req.body === undefined && !v.op.streamBody))) {
        throw ApiError.badRequest('A request body is required', [
          { in: 'body', pointer: '/', message: 'is required' },
        ]);
      }
      const type = v.contentTypes.find((t) => req.is(t));
      const validateBody = type && !v.op.streamBody ? v.body.get(type) : undefined;
      if (validateBody && !validateBody(req.body)) errors.push(...toFieldErrors(validateBody.errors, 'body'));
    }
    const query = { ...(req.query as Record<string, unknown>) };
    if (!v.query(query)) errors.push(...toFieldErrors(v.query.errors, 'query'));
    const params = { ...req.params };
    if (!v.path(params)) errors.push(...toFieldErrors(v.path.errors, 'path'));
    if (!v.header(req.headers)) errors.push(...toFieldErrors(v.header.errors, 'header'));
    errors.push(
      ...unstorableStrings(withoutItems(req.body, v.op.itemBody), 'body'),
      ...unstorableStrings(query, 'query'),
      ...unstorableStrings(params, 'path'),
    );
    if (errors.length > 0) {
      // A malformed id in the path is a resource that does not exist, not a client schema mistake.
      if (errors.every((e) => e.in === 'path' && /(Id|^\/version)$/.test(e.pointer)))
        throw ApiError.notFound();
      throw ApiError.badRequest('The request does not match the API contract', errors);
    }
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true });
    req.params = params as Request['params'];
    next();
  };
}
