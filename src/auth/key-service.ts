import { randomUUID } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import type { Pool } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import type { Person } from '../principal/person.ts';
import {
  OPERATOR_HOUSE_TENANT,
  OPERATOR_SCOPE,
  type Principal,
  SCOPES,
  type Scope,
} from '../principal/scopes.ts';
import { grantRefusal } from './grant-ceiling.ts';
import { hashSecret, keyPrefix, looksLikeKey, newKeySecret } from './key-secret.ts';
import { type ApiKeyRow, createKeyStore } from './key-store.ts';

export interface KeyInput {
  name: string;
  scopes: Scope[];
  rateLimitPerSecond?: number | undefined;
  person?: Person | undefined;
}

/**
 * Names are stored trimmed and e-mails lower-cased: the four-eyes rule compares people by e-mail, and
 * "Ada@Example.com" and "ada@example.com" are one mailbox for every provider a bank uses.
 */
const normalPerson = (p: Person | undefined): Person | undefined =>
  p && { name: p.name.trim(), email: p.email.trim().toLowerCase() };

// Revocation must bite quickly in every process, while the hot path must not query the key table each time.
const CACHE_MS = 5_000;

export function createKeyService(pool: Pool) {
  const store = createKeyStore(pool);
  const cache = new Map<string, { principal: Principal | null; until: number }>();
  const used = new Set<string>();

  const toPrincipal = (k: ApiKeyRow): Principal => ({
    keyId: k.id,
    tenantId: k.tenantId,
    scopes: k.scopes,
    rateLimitPerSecond: k.rateLimitPerSecond,
    person: k.person,
  });

  async function insertKey(actor: Principal | null, tenantId: string, input: KeyInput) {
    const secret = newKeySecret();
    const person = normalPerson(input.person);
    const row = await withTransaction(pool, async (client) => {
      const created = await createKeyStore(client).insert({
        id: `key_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
        tenantId,
        name: input.name,
        prefix: keyPrefix(secret),
        secretHash: hashSecret(secret),
        scopes: input.scopes,
        rateLimitPerSecond: input.rateLimitPerSecond,
        createdBy: actor?.keyId,
        person,
      });
      await appendAuditEvent(client, {
        tenantId,
        actor: actor?.keyId ?? null,
        type: 'api_key.created',
        payload: {
          keyId: created.id,
          name: created.name,
          scopes: created.scopes,
          prefix: created.prefix,
          // Who the key speaks for is part of the record from the start: reviews signed with it name this person.
          ...(created.person ? { person: created.person } : {}),
        },
      });
      return created;
    });
    return { ...row, key: secret };
  }

  return {
    /** Resolves a bearer secret to a principal, or null for unknown/revoked keys. */
    async authenticate(secret: string): Promise<Principal | null> {
      if (!looksLikeKey(secret)) return null;
      const hash = hashSecret(secret).toString('hex');
      const hit = cache.get(hash);
      if (hit && hit.until > Date.now()) return hit.principal;
      const row = await store.findActiveByHash(Buffer.from(hash, 'hex'));
      const principal = row ? toPrincipal(row) : null;
      cache.set(hash, { principal, until: Date.now() + CACHE_MS });
      if (principal) used.add(principal.keyId);
      return principal;
    },

    /**
     * A key made by another key (POST /keys) stays within that key's ceiling; a key made by the operator (a
     * tenant's first key, actor null) may hold any tenant scope. Neither path ever grants `operator`.
     */
    async create(actor: Principal | null, tenantId: string, input: KeyInput) {
      const refusal = grantRefusal(actor ?? { scopes: SCOPES, rateLimitPerSecond: null }, {
        scopes: input.scopes,
        rateLimitPerSecond: input.rateLimitPerSecond ?? null,
      });
      if (refusal) throw ApiError.forbidden(refusal);
      return insertKey(actor, tenantId, input);
    },

    /** The operator CLI's key: the operator scope, and audit:read to see the lists it operates. */
    createOperatorKey(name: string) {
      return insertKey(null, OPERATOR_HOUSE_TENANT, { name, scopes: [OPERATOR_SCOPE, 'audit:read'] });
    },

    list: (tenantId: string) => store.listForTenant(tenantId),

    async revoke(actor: Principal, id: string): Promise<void> {
      await withTransaction(pool, async (client) => {
        const keys = createKeyStore(client);
        const target = await keys.findForTenant(actor.tenantId, id);
        if (!target) throw ApiError.notFound(`No API key ${id}`);
        // A tenant administrator of the operator's house tenant must not switch the operator plane off.
        if (target.scopes.includes(OPERATOR_SCOPE) && !actor.scopes.includes(OPERATOR_SCOPE)) {
          throw ApiError.forbidden(`Revoking an operator key needs the "${OPERATOR_SCOPE}" scope`);
        }
        await keys.revoke(actor.tenantId, id);
        await appendAuditEvent(client, {
          tenantId: actor.tenantId,
          actor: actor.keyId,
          type: 'api_key.revoked',
          payload: { keyId: id },
        });
      });
      for (const [hash, entry] of cache) if (entry.principal?.keyId === id) cache.delete(hash);
    },

    /**
     * TRADESCREEN_ADMIN_KEY makes sure a key with exactly that value exists in the operator's house tenant, with
     * every tenant scope there and the operator scope: it is how a fresh install gets its first operator.
     */
    async ensureBootstrapKey(secret: string): Promise<void> {
      await store.upsertBootstrap({
        id: 'key_bootstrap_admin',
        tenantId: OPERATOR_HOUSE_TENANT,
        name: 'Bootstrap admin key (TRADESCREEN_ADMIN_KEY)',
        prefix: keyPrefix(secret),
        secretHash: hashSecret(secret),
        scopes: [...SCOPES],
      });
      cache.clear();
    },

    /** last_used_at is written in batches, off the request path. */
    async flushUsage(): Promise<void> {
      const ids = [...used];
      used.clear();
      await store.touch(ids);
    },
  };
}

export type KeyService = ReturnType<typeof createKeyService>;
