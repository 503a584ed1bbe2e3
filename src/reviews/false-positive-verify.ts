import type { ProblemLog, RowCheck, VerifiedPage } from '../audit/verify-report.ts';
import { MAX_PROBLEMS, sameInstant, sha256, vouchedRows } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import { memoriesById, type StoredMemory, unvouchedMemories } from './false-positive-verify-store.ts';

interface MemoryPayload {
  memoryId?: string;
  reviewId?: string;
  source?: string;
  entryId?: string;
  entryHash?: string;
  /** Since migration 0031's release: SHA-256 of the party identity and name the memory silences. */
  partyKeySha256?: string;
  partyNameSha256?: string;
}

/**
 * False-positive memories against their `false_positive.remembered` events, and revocations against their
 * `false_positive.revoked` events: a revoked memory made active again (revoked_at back to NULL) would
 * silently clear that party again, so it is the one tamper this check exists for.
 */
export function createFalsePositiveCheck(pool: Pool): RowCheck {
  async function check(p: VerifiedPage, log: ProblemLog) {
    const vouched = await vouchedRows<MemoryPayload, StoredMemory>(p, log, {
      table: 'false_positive_memory',
      types: ['false_positive.remembered', 'false_positive.revoked'],
      idOf: (pl) => pl.memoryId,
      rowsById: (tenantId, ids) => memoriesById(pool, tenantId, ids),
    });
    for (const { event: e, payload: pl, id, row: m, differs } of vouched) {
      if (e.type === 'false_positive.revoked') {
        if (m.revokedAt === null)
          log.add(
            {
              table: 'false_positive_memory',
              id,
              field: 'revoked_at',
              detail: `active again: revoked at ${e.occurredAt} by ${e.actor}, the row is no longer revoked`,
            },
            e,
          );
        else if (!sameInstant(m.revokedAt, e.occurredAt)) differs('revoked_at', m.revokedAt, e.occurredAt);
        if (m.revokedBy !== e.actor) differs('revoked_by', m.revokedBy, e.actor);
        continue;
      }
      if (m.reviewId !== pl.reviewId) differs('review_id', m.reviewId, pl.reviewId);
      if (m.source !== pl.source) differs('source', m.source, pl.source);
      if (m.entryId !== pl.entryId) differs('entry_id', m.entryId, pl.entryId);
      if (m.entryHash !== pl.entryHash) differs('entry_hash', m.entryHash, pl.entryHash);
      if (m.createdBy !== e.actor) differs('created_by', m.createdBy, e.actor);
      if (!sameInstant(m.createdAt, e.occurredAt)) differs('created_at', m.createdAt, e.occurredAt);
      // The note is the review's note (review-service.ts remember), and that review's event vouches for it.
      if (m.note !== m.reviewNote) differs('note', m.note, m.reviewNote);
      if (pl.partyKeySha256 !== undefined && sha256(m.partyKey) !== pl.partyKeySha256)
        log.add(
          { table: 'false_positive_memory', id, field: 'party_key', detail: 'party_key was altered' },
          e,
        );
      if (pl.partyNameSha256 !== undefined && sha256(m.partyName) !== pl.partyNameSha256)
        log.add(
          { table: 'false_positive_memory', id, field: 'party_name', detail: 'party_name was altered' },
          e,
        );
    }
  }

  return {
    page: check,
    async rest(tenantId, log) {
      for (const { id, what } of await unvouchedMemories(pool, tenantId, MAX_PROBLEMS))
        log.add({
          table: 'false_positive_memory',
          id,
          field: what === 'revoked' ? 'revoked_at' : null,
          detail:
            what === 'revoked'
              ? 'revoked, but no revocation event vouches for it'
              : 'no remembered event vouches for this row',
        });
    },
  };
}
