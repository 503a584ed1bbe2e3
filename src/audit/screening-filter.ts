import { ApiError } from '../http/api-error.ts';

/** The officer's filters of GET /screenings and /screenings/export (all optional, combined with AND). */
export interface ScreeningFilter {
  from?: string;
  to?: string;
  decision?: string;
  reviewStatus?: string;
  reference?: string;
  partyName?: string;
  source?: string;
  entryId?: string;
  apiKeyId?: string;
}

/** Position after the last row of a page: the (screened_at, id) of that row, newest-first order. */
export interface Cursor {
  at: string;
  id: string;
}

const FILTER_KEYS = [
  'from',
  'to',
  'decision',
  'reviewStatus',
  'reference',
  'partyName',
  'source',
  'entryId',
  'apiKeyId',
] as const;

export function filterOf(query: Record<string, unknown>): ScreeningFilter {
  const f: ScreeningFilter = {};
  for (const k of FILTER_KEYS) {
    const v = query[k];
    if (typeof v === 'string' && v !== '') f[k] = v;
  }
  return f;
}

// Opaque to clients so the ordering key can change without breaking the contract; the text keeps
// PostgreSQL's microseconds, so rows inserted within one millisecond are neither skipped nor repeated.
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

export function decodeCursor(s: string): Cursor {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      !Number.isNaN(Date.parse(v[0])) &&
      /^[0-9a-f-]{36}$/i.test(v[1])
    )
      return { at: v[0], id: v[1] };
  } catch {
    // fall through to the 400 below
  }
  throw ApiError.badRequest('cursor is not one this API returned', [
    { in: 'query', pointer: '/cursor', message: 'invalid cursor' },
  ]);
}
