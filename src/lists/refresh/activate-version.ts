import { appendAuditEvent } from '../../audit/audit-store.ts';
import type { PoolClient } from '../../db/pool.ts';
import type { VersionStore } from '../versions/version-store.ts';

export const LIST_ACTIVATED_CHANNEL = 'tradescreen_list_activated';

/**
 * Makes a version the active one, records it in every tenant's audit log, and announces it with NOTIFY. The
 * notification is transactional: API processes hear of the activation only once it has committed, so none
 * can load a version that then rolls back.
 */
export async function activateVersion(
  client: PoolClient,
  store: VersionStore,
  sourceId: string,
  version: number,
  actor: { tenantId: string; keyId: string } | null,
  /** A tenant's own watchlist is recorded in that tenant's log only: other tenants must not learn it exists. */
  onlyTenant?: string,
): Promise<void> {
  await store.lockSource(client, sourceId);
  const at = await store.activate(client, sourceId, version);
  const { rows } = onlyTenant
    ? { rows: [{ id: onlyTenant }] }
    : await client.query<{ id: string }>('SELECT id FROM tenants ORDER BY id');
  for (const tenant of rows) {
    await appendAuditEvent(client, {
      tenantId: tenant.id,
      actor: actor?.tenantId === tenant.id ? actor.keyId : null,
      type: 'list.activated',
      payload: { source: sourceId, version, activatedAt: at, approvedBy: actor?.keyId ?? null },
    });
  }
  await client.query('SELECT pg_notify($1, $2)', [
    LIST_ACTIVATED_CHANNEL,
    JSON.stringify({ sourceId, version }),
  ]);
}
