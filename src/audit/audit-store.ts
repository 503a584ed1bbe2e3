import type { Pool, PoolClient } from '../db/pool.ts';
import { canonicalJson } from './canonical-json.ts';
import { type ChainedContent, chainHashOf, GENESIS_HASH } from './chain-hash.ts';

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
  return (await appendAuditEvents(client, [e]))[0]!;
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

/**
 * Locks the tenant's chain head for this transaction. The head row is created on the tenant's first event only:
 * an upsert on every append would cost a statement per transaction for nothing.
 */
async function lockHead(client: PoolClient, tenantId: string): Promise<{ seq: number; hash: string }> {
  const select = () =>
    client.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE',
      [tenantId],
    );
  const head = await select();
  if (head.rows[0]) return head.rows[0];
  await client.query(
    `INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING`,
    [tenantId, GENESIS_HASH],
  );
  return (await select()).rows[0]!;
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
  let { seq, hash } = await lockHead(client, tenantId);
  const stored: Omit<StoredAuditEvent, 'id'>[] = [];
  const values: unknown[] = [tenantId];
  const tuples: string[] = [];
  for (const e of events) {
    const content: ChainedContent = {
      tenantId,
      seq: seq + 1,
      actor: e.actor,
      type: e.type,
      occurredAt: e.occurredAt ?? new Date().toISOString(),
      payload: e.payload,
    };
    // Serialised once: the text hashed into the chain is the text stored.
    const payloadJson = canonicalJson(e.payload);
    const next = chainHashOf(hash, content, payloadJson);
    stored.push({ ...content, prevHash: hash, hash: next });
    const n = values.push(
      content.seq,
      content.actor,
      content.type,
      content.occurredAt,
      payloadJson,
      hash,
      next,
    );
    const p = (i: number) => `$${n - 7 + i}`;
    tuples.push(
      `($1, ${p(1)}::bigint, ${p(2)}, ${p(3)}, ${p(4)}::timestamptz, ${p(5)}::jsonb, ${p(6)}, ${p(7)})`,
    );
    seq = content.seq;
    hash = next;
  }
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO audit_events (tenant_id, seq, actor, type, occurred_at, payload, prev_hash, hash)
     VALUES ${tuples.join(', ')} RETURNING id`,
    values,
  );
  await client.query('UPDATE audit_heads SET seq = $2, hash = $3 WHERE tenant_id = $1', [
    tenantId,
    seq,
    hash,
  ]);
  return stored.map((s, i) => ({ ...s, id: rows[i]!.id }));
}
