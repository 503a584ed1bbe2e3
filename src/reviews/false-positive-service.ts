import { appendAuditEvent } from '../audit/audit-store.ts';
import type { Finding, ScreenRequest } from '../contract/screening-types.ts';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import type { ListsModule } from '../lists/lists-module.ts';
import type { VersionStore } from '../lists/versions/version-store.ts';
import type { Principal } from '../principal/scopes.ts';
import { createFalsePositiveStore } from './false-positive-store.ts';
import { partyKey } from './party-key.ts';

// Entry hashes per (source, version, entry): versions are immutable, so a cached hash never goes stale.
const HASH_CACHE_MAX = 10_000;

export function createFalsePositiveService(deps: {
  pool: Pool;
  /** For suppressRemembered's reads only (see reviews-module.ts). */
  active: ListsModule['active'];
  versions: VersionStore;
}) {
  const store = createFalsePositiveStore(deps.pool);
  const lookups = createFalsePositiveStore(deps.pool);
  const hashes = new Map<string, string | null>();

  async function currentHash(source: string, entryId: string): Promise<string | null> {
    const version = deps.active.current().versions.get(source)?.version;
    if (version === undefined) return null;
    const key = `${source}\u0000${version}\u0000${entryId}`;
    const cached = hashes.get(key);
    if (cached !== undefined) return cached;
    const hash = (await deps.versions.item(source, version, entryId))?.hash ?? null;
    if (hashes.size >= HASH_CACHE_MAX) hashes.clear();
    hashes.set(key, hash);
    return hash;
  }

  return {
    async list(principal: Principal) {
      return (await store.active(principal.tenantId)).map((m) => ({
        id: m.id,
        partyName: m.partyName,
        source: m.source,
        entryId: m.entryId,
        note: m.note,
        createdBy: m.createdBy,
        createdAt: m.createdAt,
      }));
    },

    async revoke(principal: Principal, id: string): Promise<void> {
      await withTransaction(deps.pool, async (client) => {
        const at = new Date().toISOString();
        const revoked = await createFalsePositiveStore(client).revoke(
          principal.tenantId,
          id,
          principal.keyId,
          at,
        );
        if (!revoked) throw ApiError.notFound(`No active false positive ${id}`);
        await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'false_positive.revoked',
          occurredAt: at,
          payload: { memoryId: id, source: revoked.source, entryId: revoked.entryId },
        });
      });
    },

    /**
     * Screening's FalsePositiveMemory: a party finding the tenant already cleared for this same party and this same entry
     * content is shown, marked suppressed, and no longer raises the decision. A changed entry (new hash in the
     * active version) is a new fact the officer has not judged, so the memory stops applying.
     */
    async suppressRemembered(
      principal: Principal,
      req: ScreenRequest,
      findings: Finding[],
    ): Promise<Finding[]> {
      const candidates = findings.flatMap((f) => {
        const party = f.partyIndex === undefined ? undefined : req.parties[f.partyIndex];
        if (f.kind !== 'party_match' || f.suppressed || !party || !f.source || !f.entry) return [];
        return [{ f, partyKey: partyKey(party), source: f.source, entryId: f.entry.id }];
      });
      if (candidates.length === 0) return findings;
      const memories = await lookups.matching(principal.tenantId, candidates);
      if (memories.length === 0) return findings;
      const suppressed = new Map<Finding, { by: string; at: string; note: string }>();
      for (const c of candidates) {
        for (const m of memories) {
          if (m.partyKey !== c.partyKey || m.source !== c.source || m.entryId !== c.entryId) continue;
          if ((await currentHash(c.source, c.entryId)) !== m.entryHash) continue;
          suppressed.set(c.f, { by: m.createdBy, at: m.createdAt, note: m.note });
          break;
        }
      }
      return findings.map((f) => {
        const s = suppressed.get(f);
        return s ? { ...f, suppressed: s } : f;
      });
    },
  };
}

export type FalsePositiveService = ReturnType<typeof createFalsePositiveService>;
