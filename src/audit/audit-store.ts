import type { Pool, PoolClient } from '../db/pool.ts';
import { type ChainedContent, chainHash, GENESIS_HASH } from './chain-hash.ts';

export interface AuditEventInput {
  tenantId: string;
  actor: string | null;
  type: string;
  payload: unknown;
  /** Defaults to now; millisecond precision so the hash recomputes exactly from the stored row. */
  occurredAt?: string;
}

export interface StoredAuditEvent extends ChainedContent {
  id: number;
  prevHash: string;
  hash: string;
}

/** Appends one event inside the caller's transaction; the head row lock serialises a tenant's chain. */
export async function appendAuditEvent(client: PoolClient, e: AuditEventInput): Promise<StoredAuditEvent> {
  await client.query(
    `INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING`,
    [e.tenantId, GENESIS_HASH],
  );
  const head = await client.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE',
    [e.tenantId],
  );
  const prev = head.rows[0]!;
  const content: ChainedContent = {
    tenantId: e.tenantId,
    seq: prev.seq + 1,
    actor: e.actor,
    type: e.type,
    occurredAt: e.occurredAt ?? new Date().toISOString(),
    payload: e.payload,
  };
  const hash = chainHash(prev.hash, content);
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO audit_events (tenant_id, seq, actor, type, occurred_at, payload, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      content.tenantId,
      content.seq,
      content.actor,
      content.type,
      content.occurredAt,
      JSON.stringify(content.payload),
      prev.hash,
      hash,
    ],
  );
  await client.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1', [
    e.tenantId,
    content.seq,
    hash,
  ]);
  return { ...content, id: rows[0]!.id, prevHash: prev.hash, hash };
}

/** Reads a tenant's chain in order, a page at a time, for verification. */
export async function readAuditChain(
  pool: Pool,
  tenantId: string,
  afterSeq: number,
  limit: number,
): Promise<StoredAuditEvent[]> {
  const { rows } = await pool.query(
    `SELECT id, tenant_id, seq, actor, type, occurred_at, payload, prev_hash, hash
     FROM audit_events WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [tenantId, afterSeq, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    seq: r.seq,
    actor: r.actor,
    type: r.type,
    occurredAt: r.occurred_at,
    payload: r.payload,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Appends several events of one tenant in order, in one round trip per table: for batches of screenings. */
export async function appendAuditEvents(
  client: PoolClient,
  events: AuditEventInput[],
): Promise<StoredAuditEvent[]> {
  if (events.length === 0) return [];
  const tenantId = events[0]!.tenantId;
  if (events.some((e) => e.tenantId !== tenantId))
    throw new Error('appendAuditEvents takes one tenant at a time');
  await client.query(
    `INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING`,
    [tenantId, GENESIS_HASH],
  );
  const head = await client.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE',
    [tenantId],
  );
  let { seq, hash } = head.rows[0]!;
  const stored: Omit<StoredAuditEvent, 'id'>[] = [];
  for (const e of events) {
    const content: ChainedContent = {
      tenantId,
      seq: seq + 1,
      actor: e.actor,
      type: e.type,
      occurredAt: e.occurredAt ?? new Date().toISOString(),
      payload: e.payload,
    };
    const next = chainHash(hash, content);
    stored.push({ ...content, prevHash: hash, hash: next });
    seq = content.seq;
    hash = next;
  }
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO audit_events (tenant_id, seq, actor, type, occurred_at, payload, prev_hash, hash)
     SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[], $7::text[], $8::text[])
     RETURNING id`,
    [
      tenantId,
      stored.map((s) => s.seq),
      stored.map((s) => s.actor),
      stored.map((s) => s.type),
      stored.map((s) => s.occurredAt),
      stored.map((s) => JSON.stringify(s.payload)),
      stored.map((s) => s.prevHash),
      stored.map((s) => s.hash),
    ],
  );
  await client.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1', [
    tenantId,
    seq,
    hash,
  ]);
  return stored.map((s, i) => ({ ...s, id: rows[i]!.id }));
}
