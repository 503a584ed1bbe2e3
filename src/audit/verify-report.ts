import { createHash } from 'node:crypto';
import type { ScreeningResult } from '../contract/screening-types.ts';
import type { components } from '../generated/api.ts';
import type { StoredAuditEvent } from './audit-store.ts';

export type AuditProblem = components['schemas']['AuditProblem'];
export type AuditVerification = components['schemas']['AuditVerification'];

/** The contract's bound (maxItems): a report on a gutted database stays one small response. */
export const MAX_PROBLEMS = 100;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Collects problems up to MAX_PROBLEMS and remembers the earliest event any of them was found at. */
export class ProblemLog {
  readonly items: AuditProblem[] = [];
  truncated = false;
  /** The earliest event (by seq) any problem was found at, whatever order the checks ran in. */
  first: { id: number; seq: number; problem: AuditProblem } | null = null;

  add(p: AuditProblem, event?: Pick<StoredAuditEvent, 'id' | 'seq'>): void {
    if (event && (this.first === null || event.seq < this.first.seq))
      this.first = { id: event.id, seq: event.seq, problem: p };
    if (this.items.length >= MAX_PROBLEMS) {
      this.truncated = true;
      return;
    }
    this.items.push({ ...p, eventSeq: p.eventSeq ?? event?.seq ?? null });
  }

  /** A column that should equal what the event recorded; both sides shown, since the row is what was altered. */
  differs(
    table: AuditProblem['table'],
    id: string,
    field: string,
    stored: unknown,
    expected: unknown,
    event?: Pick<StoredAuditEvent, 'id' | 'seq'>,
  ): void {
    this.add(
      {
        table,
        id,
        field,
        detail: `${field} is ${JSON.stringify(stored)}, its audit event records ${JSON.stringify(expected)}`,
      },
      event,
    );
  }
}

/**
 * One page of the chain whose links have been verified, handed to every row check at once. The screenings the
 * page's events vouch for are read (and hash-checked) once and shared: the review-state projection is derived
 * from the same results. They come as a promise, so a check can run its own reads meanwhile.
 */
export interface VerifiedPage {
  tenantId: string;
  events: readonly StoredAuditEvent[];
  /** Results of this page's screenings whose stored text matches their event's resultHash, by screening id. */
  results: Promise<ReadonlyMap<string, ScreeningResult>>;
}

/**
 * The checks of one kind of row. `page` checks the rows this page's events vouch for; `rest` runs once after
 * an intact walk and reports rows no event vouched for (inserted behind the service's back).
 */
export interface RowCheck {
  page(p: VerifiedPage, log: ProblemLog): Promise<void>;
  rest(tenantId: string, log: ProblemLog): Promise<void>;
}

/** Same instant, whatever the text form (a timestamptz comes back normalised, an event keeps its own text). */
export const sameInstant = (a: string | null, b: string | null): boolean =>
  a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));

/** One row a page's event vouches for, with the event, its payload, and how to report a column that differs. */
export interface Vouched<P, R> {
  event: StoredAuditEvent;
  payload: P;
  id: string;
  row: R;
  differs: (field: string, stored: unknown, expected: unknown) => void;
}

/**
 * The rows that this page's events of `types` vouch for, read in one query and paired with their events; a row
 * an event names that the table no longer has is reported as missing here, so each check compares columns only.
 */
export async function vouchedRows<P, R>(
  p: VerifiedPage,
  log: ProblemLog,
  o: {
    table: AuditProblem['table'];
    types: readonly string[];
    idOf: (payload: P) => string | undefined;
    rowsById: (tenantId: string, ids: string[]) => Promise<Map<string, R>>;
  },
): Promise<Vouched<P, R>[]> {
  const events = p.events.filter((e) => o.types.includes(e.type));
  const ids = events.map((e) => o.idOf(e.payload as P) ?? '');
  const rows = await o.rowsById(p.tenantId, ids);
  const out: Vouched<P, R>[] = [];
  for (const [i, event] of events.entries()) {
    const id = ids[i]!;
    const row = rows.get(id);
    if (!row) {
      log.add({ table: o.table, id, field: null, detail: 'missing: its audit event vouches for it' }, event);
      continue;
    }
    const differs = (field: string, stored: unknown, expected: unknown) =>
      log.differs(o.table, id, field, stored, expected, event);
    out.push({ event, payload: event.payload as P, id, row, differs });
  }
  return out;
}
