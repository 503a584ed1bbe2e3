import { ApiError } from '../http/api-error.ts';
import type { QueuePosition, QueueSort } from './queue-types.ts';

/** Where a page starts: after a row (next page) or before one (previous page), in one sort order. */
export interface QueueCursor {
  sort: QueueSort;
  backwards: boolean;
  position: QueuePosition;
}

// Opaque to clients so the ordering key can change without breaking the contract. The time keeps PostgreSQL's
// microseconds, so rows stored within one millisecond are neither skipped nor repeated.
export function encodeQueueCursor(c: QueueCursor): string {
  const { at, id, severity } = c.position;
  return Buffer.from(JSON.stringify([c.sort, c.backwards ? 'b' : 'a', at, id, severity])).toString(
    'base64url',
  );
}

const SORTS: readonly string[] = ['oldest', 'newest', 'severity'];

export function decodeQueueCursor(s: string, sort: QueueSort): QueueCursor {
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    v = undefined;
  }
  if (
    Array.isArray(v) &&
    v.length === 5 &&
    SORTS.includes(v[0]) &&
    (v[1] === 'a' || v[1] === 'b') &&
    typeof v[2] === 'string' &&
    !Number.isNaN(Date.parse(v[2])) &&
    typeof v[3] === 'string' &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v[3]) &&
    (v[4] === 1 || v[4] === 2)
  ) {
    // A cursor walks the order it was made in: another sort's position would skip or repeat items.
    if (v[0] !== sort)
      throw ApiError.badRequest(`This cursor pages the "${v[0]}" order, not "${sort}"`, [
        { in: 'query', pointer: '/cursor', message: 'pass the same sort as the page it came from' },
      ]);
    return { sort, backwards: v[1] === 'b', position: { at: v[2], id: v[3], severity: v[4] } };
  }
  throw ApiError.badRequest('Not a cursor of GET /queue', [
    { in: 'query', pointer: '/cursor', message: 'pass back a nextCursor or prevCursor unchanged' },
  ]);
}
