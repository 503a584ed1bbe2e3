import { appendAuditEvent } from '../audit/audit-store.ts';
import { freezeDeep } from '../audit/canonical-json.ts';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import { redFlagSettingProblems } from '../red-flags/policy-settings.ts';
import { DEFAULT_POLICY, type Policy, type PolicySettings } from './policy.ts';
import { createPolicyStore } from './policy-store.ts';

// Screening reads the policy on every request; a policy change is rare and takes effect within this window.
const CACHE_MS = 2_000;

export interface PolicyServiceDeps {
  /** Ids of the lists this deployment screens against: the only ids `excludableLists` may name. */
  listIds: () => string[];
}

export function createPolicyService(pool: Pool, deps: PolicyServiceDeps) {
  const store = createPolicyStore(pool);
  const cache = new Map<string, { policy: Policy; until: number }>();

  const save = (tenantId: string, settings: PolicySettings, actor: string | null) =>
    withTransaction(pool, async (client) => {
      await store.lockTenant(client, tenantId);
      const policy = await createPolicyStore(client).insertNext(client, tenantId, settings, actor);
      await appendAuditEvent(client, {
        tenantId,
        actor,
        type: 'policy.changed',
        payload: { version: policy.version, settings },
      });
      return policy;
    });

  return {
    /** The tenant's policy; version 1 (the default) is written on first use so every screening cites a stored version. */
    async current(tenantId: string): Promise<Policy> {
      const hit = cache.get(tenantId);
      if (hit && hit.until > Date.now()) return hit.policy;
      let policy = await store.current(tenantId);
      if (!policy) {
        await withTransaction(pool, async (client) => {
          await store.lockTenant(client, tenantId);
          if (await createPolicyStore(client).current(tenantId)) return;
          await createPolicyStore(client).insertNext(client, tenantId, DEFAULT_POLICY, null);
        });
        policy = (await store.current(tenantId))!;
      }
      // Frozen: every result embeds this object, and canonicalJson writes a frozen one only once.
      cache.set(tenantId, { policy: freezeDeep(policy), until: Date.now() + CACHE_MS });
      return policy;
    },

    async update(tenantId: string, actor: string, changes: Partial<PolicySettings>): Promise<Policy> {
      const { version: _v, createdAt: _c, ...current } = await this.current(tenantId);
      const settings: PolicySettings = { ...current, ...changes };
      if (settings.blockThreshold < settings.reviewThreshold) {
        throw ApiError.badRequest('blockThreshold must not be below reviewThreshold', [
          { in: 'body', pointer: '/blockThreshold', message: 'must be at least reviewThreshold' },
        ]);
      }
      // A typo here would protect nothing it meant to open, or open nothing: say so rather than store it.
      const known = new Set(deps.listIds());
      const unknown = settings.excludableLists.flatMap((id, i) => (known.has(id) ? [] : [{ id, i }]));
      if (unknown.length > 0) {
        throw ApiError.badRequest(
          `excludableLists names lists this deployment does not have: ${unknown.map((u) => u.id).join(', ')}`,
          unknown.map((u) => ({
            in: 'body' as const,
            pointer: `/excludableLists/${u.i}`,
            message: `“${u.id}” is not a list id of GET /lists (a tenant's own watchlists need no entry here)`,
          })),
        );
      }
      const flagProblems = redFlagSettingProblems(settings.redFlags);
      if (flagProblems.length > 0) {
        throw ApiError.badRequest(
          'redFlags names unknown rules or thresholds',
          flagProblems.map((p) => ({ in: 'body' as const, ...p })),
        );
      }
      const policy = await save(tenantId, settings, actor);
      cache.delete(tenantId);
      return policy;
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
