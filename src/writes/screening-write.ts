import { type ChainHead, chainFragments } from '../audit/audit-store.ts';
import { partyHitsFragment, partyNamesFragment, screenedNames } from '../audit/party-name-store.ts';
import type { Chunk } from '../contract/screen-job-chunk.ts';
import type { Fragment } from '../db/fragments.ts';
import { screenedPartyFragments } from '../monitoring/monitored-party-store.ts';
import { queueFragments } from '../reviews/queue-fragments-store.ts';
import { planQueue } from '../reviews/queue-plan.ts';
import { initialStatesFragments } from '../reviews/review-store.ts';
import { commitChunkFragments } from '../screen-jobs/chunk-commit.ts';
import { type ScreeningRow, screeningsFragment } from '../screening/screening-store.ts';

/**
 * Screening's `write` dependency (src/screening/screening-deps.ts), handed to it by src/container.ts. It lives
 * above screening, reviews, monitoring and screen-jobs because it writes all their tables: inside screening it
 * made each of those modules and screening import each other.
 *
 * Everything a set of one tenant's screenings writes, as the parts of ONE statement (one CTE each, see
 * src/db/fragments.ts), in this order. One statement because it was measured: one round trip per group of
 * screenings, and all-or-nothing even outside a transaction. Each part is exported by the store of the module
 * that owns its table; a later part may read an earlier one's RETURNING rows by its CTE name.
 *
 *  1. audit head       the tenant's chain head moves, only if still at `head` (else HEAD_MOVED, retried whole)
 *  2. audit events     one `screening` event per row, chained from `head`
 *  3. screenings       the rows, with the exact request and result text that was hashed
 *  4. party names      new search keys of the parties' names (audit: GET /screenings?party=)
 *  5. party hits       which screening carries which name (reads 4)
 *  6. review state     each screening's first review state (reviews)
 *  7. triage queue     an item per screening that needs an officer; a re-screen of a reference closes the older
 *                      one's item (reviews)
 *  8. monitored        parties screened with `options.monitor` (monitoring)
 *  9. job chunk        a screen job's chunk results and progress, when the rows are one chunk (screen-jobs)
 *
 * Stamps each row's `auditSeq`. The statement's text depends only on which parts have rows, so a handful of
 * texts cover every write and each is prepared once per connection.
 */
export function screeningWrite(
  rows: ScreeningRow[],
  head: ChainHead,
  chunk?: Chunk,
): { fragments: Fragment[]; head: ChainHead } {
  const chain = chainFragments(
    rows[0]!.tenantId,
    head,
    rows.map((r) => ({
      tenantId: r.tenantId,
      actor: r.apiKeyId,
      type: 'screening',
      occurredAt: r.screenedAt,
      payload: {
        screeningId: r.id,
        reference: r.reference,
        decision: r.decision,
        requestHash: r.requestHash,
        resultHash: r.resultHash,
        listVersions: r.result.listVersions,
      },
    })),
  );
  rows.forEach((r, i) => {
    r.auditSeq = chain.appended[i]!.seq;
  });
  const names = screenedNames(rows);
  const queue = planQueue(rows);
  return {
    fragments: [
      ...chain.fragments,
      screeningsFragment(rows),
      ...partyNamesFragment(names),
      ...partyHitsFragment(names),
      ...initialStatesFragments(rows),
      ...queueFragments(queue.entries, queue.supersessions),
      ...screenedPartyFragments(rows),
      ...(chunk ? commitChunkFragments(chunk, rows) : []),
    ],
    head: chain.head,
  };
}
