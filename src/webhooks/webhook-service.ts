import { randomBytes } from 'node:crypto';
import { appendAuditEvent } from '../audit/audit-store.ts';
import type { Pool, PoolClient } from '../db/pool.ts';
import { withTransaction } from '../db/transaction.ts';
import { ApiError } from '../http/api-error.ts';
import { type OutboundPolicy, registrationProblem } from '../http/outbound-url.ts';
import type { Logger } from '../logger.ts';
import type { Principal } from '../principal/scopes.ts';
import { newSigningSecret } from './signature.ts';
import type { WebhookQueue } from './webhook-queue.ts';
import { createWebhookStore } from './webhook-store.ts';

export function createWebhookService(deps: {
  pool: Pool;
  queue: WebhookQueue;
  log: Logger;
  outbound: OutboundPolicy;
}) {
  const store = createWebhookStore(deps.pool);
  return {
    store,

    async put(principal: Principal, url: string, events?: string[]) {
      const problem = registrationProblem(url, deps.outbound);
      if (problem)
        throw ApiError.badRequest(`The webhook URL ${problem}`, [
          { in: 'body', pointer: '/url', message: problem },
        ]);
      // A new secret each time: storing the endpoint again is also how a leaked secret is rotated.
      const secret = newSigningSecret();
      const row = await withTransaction(deps.pool, async (client) => {
        const stored = await createWebhookStore(client).upsert(
          principal.tenantId,
          url,
          secret,
          events ?? null,
        );
        await appendAuditEvent(client, {
          tenantId: principal.tenantId,
          actor: principal.keyId,
          type: 'webhook.configured',
          payload: { url, events: events ?? null },
        });
        return stored;
      });
      return { url: row.url, events: row.events, secret: row.secret, createdAt: row.createdAt };
    },

    async get(principal: Principal) {
      const row = await store.get(principal.tenantId);
      if (!row) throw ApiError.notFound('No webhook endpoint is configured');
      return { url: row.url, events: row.events, createdAt: row.createdAt };
    },

    async deliveries(principal: Principal, limit: number) {
      const rows = await store.deliveries(principal.tenantId, limit);
      return rows.map(({ tenantId: _t, payload: _p, ...d }) => d);
    },

    /**
     * Records an event for the tenant's endpoint inside the caller's transaction (so an alert and its delivery
     * exist together or not at all); returns the delivery id to enqueue after COMMIT, or null without endpoint.
     */
    async record(
      client: PoolClient,
      tenantId: string,
      event: string,
      payload: unknown,
    ): Promise<string | null> {
      const id = `whd_${randomBytes(12).toString('hex')}`;
      return (await createWebhookStore(client).insertDelivery(client, { id, tenantId, event, payload }))
        ? id
        : null;
    },

    async enqueue(ids: string[]): Promise<void> {
      for (const id of ids) await deps.queue.enqueue(id);
    },

    /** Re-enqueues pending deliveries (a crash between COMMIT and enqueue); the job id makes it a no-op otherwise. */
    async sweep(): Promise<number> {
      const ids = await store.pendingIds(1000);
      for (const id of ids) await deps.queue.enqueue(id);
      return ids.length;
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
