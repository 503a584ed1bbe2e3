import { STATUS_CODES } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../logger.ts';
import { ApiError } from './api-error.ts';
import { problemOf, sendProblem } from './problem.ts';

// Errors raised by body-parser carry a `type`; each maps to a client error, never a 500.
const BODY_PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'Bad Request', 'The body is not valid JSON'],
  'entity.too.large': [413, 'Payload Too Large', 'The body is larger than the limit'],
  'encoding.unsupported': [415, 'Unsupported Media Type', 'Unsupported content encoding'],
  'charset.unsupported': [415, 'Unsupported Media Type', 'Unsupported charset'],
  'request.aborted': [400, 'Bad Request', 'The request was aborted'],
  'request.size.invalid': [400, 'Bad Request', 'The body length does not match Content-Length'],
  'stream.encoding.set': [400, 'Bad Request', 'The body could not be read'],
};

/** An http-errors 4xx that its library marked safe to show the client (`expose`). */
function exposedClientError(err: unknown): boolean {
  const e = err as { status?: unknown; expose?: unknown };
  return e?.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500;
}

/** The one place where any error becomes application/problem+json. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestId = res.locals.requestId as string | undefined;
    if (res.headersSent) {
      log.error({ err, requestId }, 'error after the response started');
      res.destroy();
      return;
    }
    let apiError: ApiError;
    const parserType = (err as { type?: string })?.type;
    const parser = parserType ? BODY_PARSER_ERRORS[parserType] : undefined;
    if (err instanceof ApiError) apiError = err;
    else if (parser) apiError = new ApiError(parser[0], parser[1], parser[2]);
    else if (exposedClientError(err)) {
      // e.g. a Content-Encoding: gzip body that does not inflate: body-parser passes zlib's error with no type.
      const e = err as { status: number; message: string };
      apiError = new ApiError(
        e.status,
        STATUS_CODES[e.status] ?? 'Bad Request',
        `The body could not be read: ${e.message}`,
      );
    } else if (isDatabaseUnavailable(err)) {
      log.warn({ err: (err as Error).message, requestId }, 'database unavailable');
      apiError = ApiError.unavailable(
        'The database is unavailable; nothing was decided or recorded. Retry shortly.',
      );
    } else {
      log.error({ err, requestId, method: req.method, url: req.originalUrl }, 'unhandled error');
      apiError = new ApiError(
        500,
        'Internal Server Error',
        `An unexpected error occurred; quote request id ${requestId}`,
      );
    }
    sendProblem(
      res,
      problemOf(apiError, req.originalUrl.split('?')[0] ?? req.originalUrl, requestId),
      apiError.headers,
    );
  };
}
