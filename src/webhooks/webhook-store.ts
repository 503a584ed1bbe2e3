import type { PoolClient, Queryable } from '../db/pool.ts';

export interface WebhookRow {
  tenantId: string;
  url: string;
  secret: string;
  /** The events the endpoint receives; null: every event. */
  events: string[] | null;
  createdAt: string;
}

const toWebhook = (r: Record<string, unknown>): WebhookRow => ({
  tenantId: r.tenant_id as string,
  url: r.url as string,
  secret: r.secret as string,
  events: (r.events as string[] | null) ?? null,
  createdAt: r.created_at as string,
});

export interface DeliveryRow {
  id: string;
  tenantId: string;
  event: string;
  payload: unknown;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastAttemptAt: string | null;
  createdAt: string;
}

const toDelivery = (r: Record<string, unknown>): DeliveryRow => ({
  id: r.id as string,
  tenantId: r.tenant_id as string,
  event: r.event as string,
  payload: r.payload,
  status: r.status as DeliveryRow['status'],
  attempts: r.attempts as number,
  lastStatusCode: (r.last_status_code as number | null) ?? null,
  lastAttemptAt: (r.last_attempt_at as string | null) ?? null,
  createdAt: r.created_at as string,
});

export function createWebhookStore(db: Queryable) {
  return {
    async upsert(
      tenantId: string,
      url: string,
      secret: string,
      events: string[] | null,
    ): Promise<WebhookRow> {
      const { rows } = await db.query(
        `INSERT INTO webhooks (tenant_id, url, secret, events) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO UPDATE
           SET url = excluded.url, secret = excluded.secret, events = excluded.events, created_at = now()
         RETURNING tenant_id, url, secret, events, created_at`,
        [tenantId, url, secret, events],
      );
      return toWebhook(rows[0]!);
    },

    async get(tenantId: string): Promise<WebhookRow | undefined> {
      const { rows } = await db.query(
        `SELECT tenant_id, url, secret, events, created_at FROM webhooks WHERE tenant_id = $1`,
        [tenantId],
      );
      return rows[0] ? toWebhook(rows[0]) : undefined;
    },

    /** A delivery is written only for a tenant whose endpoint takes this event; returns whether one was written. */
    async insertDelivery(
      client: PoolClient,
      d: { id: string; tenantId: string; event: string; payload: unknown },
    ): Promise<boolean> {
      const { rowCount } = await client.query(
        `INSERT INTO webhook_deliveries (id, tenant_id, event, payload)
         SELECT $1, $2, $3, $4
         WHERE EXISTS (SELECT 1 FROM webhooks WHERE tenant_id = $2 AND (events IS NULL OR $3 = ANY (events)))`,
        [d.id, d.tenantId, d.event, JSON.stringify(d.payload)],
      );
      return rowCount === 1;
    },

    async delivery(id: string): Promise<DeliveryRow | undefined> {
      const { rows } = await db.query(`SELECT * FROM webhook_deliveries WHERE id = $1`, [id]);
      return rows[0] ? toDelivery(rows[0]) : undefined;
    },

    async pendingIds(limit: number): Promise<string[]> {
      const { rows } = await db.query<{ id: string }>(
        `SELECT id FROM webhook_deliveries WHERE status = 'pending' ORDER BY created_at LIMIT $1`,
        [limit],
      );
      return rows.map((r) => r.id);
    },

    async recordAttempt(
      id: string,
      a: { statusCode: number | null; error: string | null; status: DeliveryRow['status'] },
    ): Promise<void> {
      await db.query(
        `WITH attempt AS (INSERT INTO webhook_attempts (delivery_id, status_code, error) VALUES ($1, $2, $3) RETURNING at)
         UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2,
           last_attempt_at = (SELECT at FROM attempt), status = $4
         WHERE id = $1`,
        [id, a.statusCode, a.error, a.status],
      );
    },

    async deliveries(tenantId: string, limit: number) {
      const { rows } = await db.query(
        `SELECT d.*, coalesce(
           (SELECT json_agg(json_build_object('at', a.at, 'statusCode', a.status_code, 'error', a.error) ORDER BY a.id)
            FROM webhook_attempts a WHERE a.delivery_id = d.id), '[]') AS history
         FROM webhook_deliveries d WHERE d.tenant_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
        [tenantId, limit],
      );
      return rows.map((r) => ({
        ...toDelivery(r),
        history: (r.history as { at: string; statusCode: number | null; error: string | null }[]).map(
          (h) => ({ ...h, at: new Date(h.at).toISOString() }),
        ),
      }));
    },
  };
}

export type WebhookStore = ReturnType<typeof createWebhookStore>;
