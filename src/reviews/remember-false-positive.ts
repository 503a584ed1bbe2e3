import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import { sha256 } from '../audit/verify-report.ts';
import type { Finding, ScreeningResult, ScreenRequest } from '../contract/screening-types.ts';
import type { PoolClient } from '../db/pool.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import { createFalsePositiveStore } from './false-positive-store.ts';
import { partyKey } from './party-key.ts';
import type { ReviewRow } from './review-store.ts';

/** Remembers a finding that just became a confirmed false positive, against the entry content judged. */
export async function rememberFalsePositive(
  client: PoolClient,
  versions: VersionStore,
  review: ReviewRow,
  f: Finding,
  s: ScreeningResult,
  req: ScreenRequest,
) {
  const party = f.partyIndex === undefined ? undefined : req.parties[f.partyIndex];
  if (f.kind !== 'party_match' || !party || !f.source || !f.entry) return;
  const version = s.listVersions.find((v) => v.source === f.source)?.version;
  const entry = version === undefined ? undefined : await versions.item(f.source, version, f.entry.id);
  if (!entry) return;
  const id = `fp_${randomUUID().replaceAll('-', '')}`;
  const key = partyKey(party);
  const inserted = await createFalsePositiveStore(client).insert({
    id,
    tenantId: review.tenantId,
    partyKey: key,
    partyName: party.name,
    source: f.source,
    entryId: f.entry.id,
    entryHash: entry.hash,
    note: review.note,
    createdBy: review.reviewerKeyId,
    createdAt: review.createdAt,
    reviewId: review.id,
  });
  if (inserted)
    await appendAuditEvent(client, {
      tenantId: review.tenantId,
      actor: review.reviewerKeyId,
      type: 'false_positive.remembered',
      occurredAt: review.createdAt,
      payload: {
        memoryId: id,
        reviewId: review.id,
        source: f.source,
        entryId: f.entry.id,
        entryHash: entry.hash,
        // Which party the memory silences, as hashes (the name is in the screening already): GET
        // /audit/verify reports a memory re-pointed at another party.
        partyKeySha256: sha256(key),
        partyNameSha256: sha256(party.name),
      },
    });
}
