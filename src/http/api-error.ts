/** One error type for the whole service; the error handler turns it into application/problem+json. */
export interface FieldError {
  in: 'body' | 'query' | 'path' | 'header';
  pointer: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }

  static badRequest(detail: string, errors?: FieldError[]) {
    return new ApiError(400, 'Bad Request', detail, errors);
  }
  static unauthorized(detail = 'A valid API key is required: Authorization: Bearer <key>') {
    return new ApiError(401, 'Unauthorized', detail, undefined, { 'WWW-Authenticate': 'Bearer' });
  }
  static forbidden(detail: string) {
    return new ApiError(403, 'Forbidden', detail);
  }
  static notFound(detail = 'No such resource') {
    return new ApiError(404, 'Not Found', detail);
  }
  static conflict(detail: string) {
    return new ApiError(409, 'Conflict', detail);
  }
  static unavailable(detail: string) {
    return new ApiError(503, 'Service Unavailable', detail, undefined, { 'Retry-After': '5' });
  }
}
