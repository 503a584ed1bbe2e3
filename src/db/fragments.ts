import { createHash } from 'node:crypto';
import type { Queryable } from './pool.ts';

/**
 * One data-modifying statement (INSERT or UPDATE, optionally RETURNING) with its own $1…$n parameters, to run
 * as a CTE of a combined statement. Writes owned by different modules then reach the database in one round
 * trip, and atomically: a single statement is all-or-nothing even outside an explicit transaction. Fragment
 * SQL must not contain `$` other than in parameter references, and its text must not depend on the number of
 * rows (pass rows as array or JSON parameters): combined statements are prepared by their text.
 */
export interface Fragment {
  /** The CTE's name, unique within a statement; a later fragment may read an earlier one's RETURNING rows. */
  name: string;
  sql: string;
  params: unknown[];
  /** The whole statement fails with SQLSTATE `code` unless this fragment returns exactly `rows` rows. */
  expect?: { rows: number; code: string; message: string };
}

/**
 * Rows already in JSON text as one JSON array, built flat. `[${rows.join(',')}]` is a rope, and pg's
 * Buffer.byteLength on a rope first copies the whole of it into a flat string: ~11 KB of garbage per
 * screening, for the two largest parameters of the statement (measured with a sampling heap profile).
 */
export function jsonRows(rows: readonly string[]): string {
  if (rows.length === 0) return '[]';
  const parts = [...rows];
  parts[0] = `[${parts[0]}`;
  parts[parts.length - 1] = `${parts[parts.length - 1]}]`;
  return parts.join(',');
}

export function combineFragments(fragments: readonly Fragment[]): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const names = new Set<string>();
  const ctes = fragments.map((f) => {
    if (names.has(f.name)) throw new Error(`two fragments named ${f.name}`);
    names.add(f.name);
    const offset = values.length;
    values.push(...f.params);
    return `${f.name} AS (${f.sql.replace(/\$(\d+)/g, (_m, n: string) => `$${Number(n) + offset}`)})`;
  });
  // Expectations are read by the main query, in fragment order: a fragment it reads runs before the rest.
  const checks = fragments.flatMap((f) => {
    if (!f.expect) return [];
    const at = values.push(f.expect.rows, f.expect.code, f.expect.message);
    return [`tradescreen_expect((SELECT count(*) FROM ${f.name}) = $${at - 2}::bigint, $${at - 1}, $${at})`];
  });
  return {
    text: `WITH ${ctes.join(',\n')}\nSELECT ${checks.length > 0 ? checks.join(' AND ') : 'true'} AS ok`,
    values,
  };
}

// Statement names by text. Fragments keep their text whatever the number of rows (rows travel in array or JSON
// parameters), so a handful of combinations cover all writes and each is parsed and planned once per connection.
const statementNames = new Map<string, string>();
const nameOf = (text: string): string => {
  let name = statementNames.get(text);
  if (!name) {
    name = `fragments_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
};

/**
 * Writes sent unprepared (planned anew each time, over the tables as they are) before the statements are
 * prepared. A prepared statement's plan is made once per connection and kept until an ANALYZE invalidates it:
 * made over the near-empty tables of a new database, it walked every open queue item and every stored name in
 * each write (PostgreSQL's CPU per screening 0.5 → 1.1-3.9 ms over 35,000 screenings, bench:activation-linger).
 * The writes' lookups are probes by key whatever the tables hold (queue-fragments-store.ts, party-name-store.ts),
 * but the planner only keeps them once it sees tables of some hundreds of rows (below, a scan is cheaper):
 * by this many writes they hold thousands. Unprepared, a write costs ~0.5 ms more of PostgreSQL's parsing and
 * planning (~0.3 ms per screening in bench:activation-linger's first rows), once per process.
 */
export const UNPREPARED_WRITES = 2000;
let writes = 0;

/** Runs fragments as one statement: in the caller's transaction, or on its own (then it is its own transaction). */
export async function runFragments(db: Queryable, fragments: readonly Fragment[]): Promise<void> {
  if (fragments.length === 0) return;
  const { text, values } = combineFragments(fragments);
  if (writes < UNPREPARED_WRITES) {
    writes++;
    await db.query({ text, values });
  } else await db.query({ name: nameOf(text), text, values });
}

/** Whether a statement failed on the expectation that raised `code`. */
export const failedExpectation = (err: unknown, code: string): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === code;
