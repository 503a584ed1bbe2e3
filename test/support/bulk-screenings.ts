import { createHash } from 'node:crypto';
import { chainFragments, lockHead } from '../../src/audit/audit-store.ts';
import { canonicalJson } from '../../src/audit/canonical-json.ts';
import type { Container } from '../../src/container.ts';
import { runFragments } from '../../src/db/fragments.ts';
import { timeOrderedUuid } from '../../src/db/time-ordered-uuid.ts';
import { withTransaction } from '../../src/db/transaction.ts';
import { type ScreeningRow, screeningsFragment } from '../../src/screening/screening-store.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * A screening the service evaluated, again for another key, reference and time: the same findings, a new id,
 * and the canonical texts and hashes recomputed so GET /audit/verify vouches for the copy like for the original.
 */
export function cloneScreening(
  row: ScreeningRow,
  to: { tenantId: string; apiKeyId: string; reference: string; screenedAtMs: number },
): ScreeningRow {
  const { reference, screenedAtMs } = to;
  const screenedAt = new Date(screenedAtMs).toISOString();
  const id = timeOrderedUuid(screenedAtMs);
  const request = { ...row.request, reference };
  const result = { ...row.result, id, reference, screenedAt };
  const requestJson = canonicalJson(request);
  const resultJson = canonicalJson(result);
  return {
    ...row,
    tenantId: to.tenantId,
    apiKeyId: to.apiKeyId,
    id,
    reference,
    screenedAt,
    request,
    result,
    idempotencyKey: null,
    requestJson,
    requestHash: sha256(requestJson),
    resultJson,
    resultHash: sha256(resultJson),
    auditSeq: 0,
  };
}

/**
 * Stores many screenings of one tenant as the service stores a batch: their `screening` audit events extending
 * the chain, the rows, and every afterStore projection (review state, party names, the triage queue), in one
 * statement per 1,000. Thousands of evaluations would take a minute of matching; this takes seconds. The event
 * payload is the one screening-service.ts writes, so the chain verifies.
 */
export async function storeScreenings(c: Container, rows: ScreeningRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) {
    const chunk = rows.slice(i, i + 1_000);
    const tenantId = chunk[0]!.tenantId;
    await withTransaction(c.pool, async (client) => {
      const chain = chainFragments(
        tenantId,
        await lockHead(client, tenantId),
        chunk.map((r) => ({
          tenantId,
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
      chunk.forEach((r, j) => {
        r.auditSeq = chain.appended[j]!.seq;
      });
      await runFragments(client, [
        ...chain.fragments,
        screeningsFragment(chunk),
        ...c.screeningHooks.afterStore.flatMap((h) => h(chunk)),
      ]);
    });
  }
}
