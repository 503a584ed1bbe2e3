import type { Pool } from '../db/pool.ts';
import { readAuditChain, type StoredAuditEvent } from './audit-store.ts';
import { chainHash, GENESIS_HASH } from './chain-hash.ts';
import { type AuditVerification, ProblemLog, type RowCheck } from './verify-report.ts';
import { createScreeningCheck } from './verify-screenings.ts';
import { chainHead } from './verify-store.ts';

/**
 * The row checks of the modules whose tables the chain vouches for, by name (the composition root passes
 * them; audit imports none of those modules). Each makes a fresh check per walk (a check counts the rows it
 * matched). Screenings are audit's own and run first on every page: the review-state projection is derived
 * from the results they read.
 */
export interface VerifyDeps {
  pool: Pool;
  /** screening_reviews against their events, and screening_review_state recomputed from the reviews. */
  reviews: () => RowCheck;
  /** false_positive_memory against its remembered and revoked events. */
  falsePositives: () => RowCheck;
  /** alert_reviews against their events. */
  alertReviews: () => RowCheck;
  /** licences against their created and revoked events. */
  licences: () => RowCheck;
  /** goods_table_versions against their uploaded events. */
  goodsTables: () => RowCheck;
}

function linkProblem(e: StoredAuditEvent, prev: string, expectedSeq: number) {
  if (e.seq !== expectedSeq)
    return { field: 'seq', detail: `expected seq ${expectedSeq}: events are missing` };
  if (e.prevHash !== prev)
    return { field: 'prev_hash', detail: 'prev_hash does not match the previous event' };
  if (chainHash(prev, e) !== e.hash) return { field: 'hash', detail: 'content does not match its hash' };
  return null;
}

/**
 * Walks a tenant's chain page by page (memory stays flat at any length), recomputing every link, and hands
 * each page's verified events to the row checks, which compare the rows an officer reads with what the events
 * recorded. The walk stops at the first broken link: nothing after it is verifiable. Only an intact walk goes
 * on to look for rows that no event vouches for.
 */
export async function verifyAuditChain(
  deps: VerifyDeps,
  tenantId: string,
  pageSize = 2000,
): Promise<AuditVerification> {
  const log = new ProblemLog();
  const screenings = createScreeningCheck(deps.pool);
  const checks = [
    deps.reviews(),
    deps.falsePositives(),
    deps.alertReviews(),
    deps.licences(),
    deps.goodsTables(),
  ];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let broken = false;
  // The head first: the walk verifies the chain as it stood when verify began. Events appended meanwhile (a
  // busy tenant screens during the walk) are left for the next verify instead of being taken for a mismatch.
  const head = await chainHead(deps.pool, tenantId);
  const end = head?.seq ?? Number.POSITIVE_INFINITY;
  // The next page is read while this one is checked: two pages in memory at most. The read-ahead's failure is
  // handled where it is awaited; the no-op handler keeps it from surfacing as unhandled if a check fails first.
  const readAhead = (afterSeq: number) => {
    const read = readAuditChain(deps.pool, tenantId, afterSeq, pageSize);
    read.catch(() => {});
    return read;
  };
  let next = readAhead(0);
  let done = false;
  for (;;) {
    const page = await next;
    if (page.length === 0) break;
    const last = page[page.length - 1]!;
    if (page.length === pageSize && last.seq < end) next = readAhead(last.seq);
    const linked: StoredAuditEvent[] = [];
    for (const e of page) {
      if (e.seq > end) {
        done = true;
        break;
      }
      const problem = linkProblem(e, prev, expectedSeq);
      if (problem) {
        log.add(
          { table: 'audit_events', id: String(e.id), ...problem, detail: `seq ${e.seq}: ${problem.detail}` },
          e,
        );
        broken = true;
        break;
      }
      linked.push(e);
      prev = e.hash;
      expectedSeq++;
      checked++;
    }
    const results = screenings.page({ tenantId, events: linked }, log);
    await Promise.all([results, ...checks.map((c) => c.page({ tenantId, events: linked, results }, log))]);
    if (broken || done || page.length < pageSize || last.seq >= end) break;
  }
  // A walk stopped at a broken link leaves its read-ahead to finish unread.
  await next.catch(() => {});
  if (!broken) {
    if (!head && checked > 0)
      log.add({
        table: 'audit_heads',
        id: tenantId,
        field: null,
        detail: 'missing: the chain has no head row',
      });
    if (head && (head.seq !== checked || head.hash !== prev))
      log.add({
        table: 'audit_heads',
        id: tenantId,
        field: 'seq',
        detail:
          `the chain ends at seq ${checked} but its head records seq ${head.seq}` +
          (head.hash === prev ? '' : ' and another hash') +
          ': events were removed or rewritten',
      });
    for (const c of [screenings, ...checks]) await c.rest(tenantId, log);
  }
  const first = log.first?.problem ?? log.items[0];
  return {
    ok: log.items.length === 0,
    rowsChecked: checked,
    firstBrokenId: log.first?.id ?? null,
    ...(first ? { detail: `${first.table} ${first.id}: ${first.detail}` } : {}),
    problems: log.items,
    problemsTruncated: log.truncated,
  };
}
