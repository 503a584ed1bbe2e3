import type { Problem } from './api-types.ts';

/** An API answer that is not 2xx, carrying the problem+json body when there is one. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
  /** A planned operation answers 404 until it is served; screens say so instead of failing. */
  get notServed(): boolean {
    return this.status === 404 && /^No route for /.test(this.problem?.detail ?? '');
  }
}

export type Query = Record<string, string | number | undefined | null>;

export function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

type Unauthorized = () => void;

/**
 * The key lives in this closure (and in sessionStorage, see session.ts), only ever sent as an
 * Authorization header: never in a URL, where proxies and browser history would keep it.
 */
export class ApiClient {
  constructor(
    private readonly key: string,
    private readonly onUnauthorized: Unauthorized = () => {},
  ) {}

  async raw(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.key}`, Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
    });
    if (res.ok) return res;
    let problem: Problem | null = null;
    try {
      problem = (await res.json()) as Problem;
    } catch {
      problem = null;
    }
    if (res.status === 401) this.onUnauthorized();
    throw new ApiFailure(res.status, problem);
  }

  async get<T>(path: string, q: Query = {}): Promise<T> {
    return (await (await this.raw('GET', path + queryString(q))).json()) as T;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return (await (await this.raw('POST', path, body)).json()) as T;
  }
}

export function describeFailure(e: unknown): string {
  if (e instanceof ApiFailure) {
    if (e.status === 403) return `Your API key is not allowed to do this (${e.message}).`;
    if (e.status === 429) return 'Too many requests for this key: wait a moment and try again.';
    if (e.status >= 500) return `The service could not answer (${e.status}): ${e.message}`;
    const fields = e.problem?.errors?.map((f) => `${f.pointer}: ${f.message}`).join('; ');
    return fields ? `${e.message} — ${fields}` : e.message;
  }
  if (e instanceof TypeError) return 'The service cannot be reached. Check your connection and try again.';
  return e instanceof Error ? e.message : String(e);
}
