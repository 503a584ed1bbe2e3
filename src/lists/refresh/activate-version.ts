import { appendAuditEvent } from '../../audit/audit-store.ts';
import type { PoolClient } from '../../db/pool.ts';
import { appendOperatorEvent } from '../../operator/operator-audit.ts';
import type { VersionStore } from '../versions/version-store.ts';

export const LIST_ACTIVATED_CHANNEL = 'tradescreen_list_activated';

/**
 * Who activates, which decides where it is recorded:
 * - a shared source (refresh pipeline, or an operator overriding a guardrail or rolling back) is the operator
 *   plane: recorded in the operator audit chain only. Tenants' chains never carry an operator's key or reason
 *   (a tenant key id written into another tenant's chain was issue 18's finding); tenants see the version's
 *   quarantine record, `activatedVia` and `activationReason` on the version itself.
 * - a tenant's own watchlist is recorded in that tenant's chain only: other tenants must not learn it exists.
 */
export type Activation =
  | { plane: 'operator'; keyId: string | null; reason: string | null }
  | { plane: 'tenant'; tenantId: string; keyId: string };

/**
 * Makes a version the active one, records it, and announces it with NOTIFY. The notification is transactional:
 * API processes hear of the activation only once it has committed, so none can load a version that then rolls
 * back.
 */
export async function activateVersion(
  client: PoolClient,
  store: VersionStore,
  sourceId: string,
  version: number,
  by: Activation,
): Promise<void> {
  await store.lockSource(client, sourceId);
  const before = await store.get(sourceId, version, client);
  const previous = await store.active(sourceId, client);
  const at = await store.activate(client, sourceId, version, {
    via: by.plane === 'tenant' ? 'tenant' : by.keyId === null ? 'refresh' : 'operator',
    reason: by.plane === 'operator' ? by.reason : null,
  });
  const payload = { source: sourceId, version, activatedAt: at };
  if (by.plane === 'tenant') {
    await appendAuditEvent(client, {
      tenantId: by.tenantId,
      actor: by.keyId,
      type: 'list.activated',
      payload: { ...payload, approvedBy: by.keyId },
    });
  } else {
    await appendOperatorEvent(client, {
      actor: by.keyId,
      type: 'list.activated',
      payload: {
        ...payload,
        reason: by.reason,
        previousStatus: before?.status ?? null,
        quarantineReason: before?.quarantineReason ?? null,
        replaced: previous?.version ?? null,
      },
    });
  }
  await client.query('SELECT pg_notify($1, $2)', [
    LIST_ACTIVATED_CHANNEL,
    JSON.stringify({ sourceId, version }),
  ]);
}
