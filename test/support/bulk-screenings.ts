import { createHash } from 'node:crypto';
import { lockHead } from '../../src/audit/audit-store.ts';
import { canonicalJson } from '../../src/audit/canonical-json.ts';
import type { Container } from '../../src/container.ts';
import { runFragments } from '../../src/db/fragments.ts';
import { timeOrderedUuid } from '../../src/db/time-ordered-uuid.ts';
import { withTransaction } from '../../src/db/transaction.ts';
import type { ScreeningRow } from '../../src/screening/screening-store.ts';
import { screeningWrite } from '../../src/writes/screening-write.ts';

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
 * Stores many screenings of one tenant as the service stores a batch: the one statement screening-write.ts
 * makes (audit events extending the chain, the rows, review state, party names, the triage queue), one per
 * 1,000 rows. Thousands of evaluations would take a minute of matching; this takes seconds, and the chain
 * verifies because the statement is the service's own.
 */
export async function storeScreenings(c: Container, rows: ScreeningRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1_000) {
    const chunk = rows.slice(i, i + 1_000);
    await withTransaction(c.pool, async (client) => {
      const { fragments } = screeningWrite(chunk, await lockHead(client, chunk[0]!.tenantId));
      await runFragments(client, fragments);
    });
  }
}
