import { type Fragment, jsonRows, runFragments } from '../db/fragments.ts';
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
export async function appendAuditEvent(client: PoolClient, e: AuditEventInput): Promise<AppendedAuditEvent> {
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

/** The last link of a tenant's chain: the sequence number and hash the next event extends. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** An appended event: its content and links (its row id is never needed by the writer). */
export type AppendedAuditEvent = Omit<StoredAuditEvent, 'id'>;

/** SQLSTATE of a chain write whose head was no longer the head: nothing was written, retry from the new head. */
export const HEAD_MOVED = 'TSA01';

/**
 * Locks the tenant's chain head for this transaction. The head row is created on the tenant's first event only:
 * an upsert on every append would cost a statement per transaction for nothing.
 */
export async function lockHead(client: PoolClient, tenantId: string): Promise<ChainHead> {
  const select = () =>
    client.query<ChainHead>('SELECT seq, hash FROM audit_heads WHERE tenant_id = $1 FOR UPDATE', [tenantId]);
  const head = await select();
  if (head.rows[0]) return head.rows[0];
  await client.query(
    `INSERT INTO audit_heads (tenant_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT (tenant_id) DO NOTHING`,
    [tenantId, GENESIS_HASH],
  );
  return (await select()).rows[0]!;
}

/**
 * The writes that extend a tenant's chain from `head` by `events`, in order: the head moves only if it is still
 * where the caller believes (else the statement fails with HEAD_MOVED), and the events follow it. Run them
 * after lockHead in a transaction, or on their own against a head remembered from the last write.
 */
export function chainFragments(
  tenantId: string,
  head: ChainHead,
  events: readonly AuditEventInput[],
): { fragments: Fragment[]; appended: AppendedAuditEvent[]; head: ChainHead } {
  if (events.some((e) => e.tenantId !== tenantId))
    throw new Error('a chain write takes one tenant at a time');
  let { seq, hash } = head;
  const appended: AppendedAuditEvent[] = [];
  // The rows travel as one JSON document (one parameter, the same statement text for any number of rows),
  // assembled around each payload's canonical text: the text hashed into the chain is the text stored.
  const rows: string[] = [];
  for (const e of events) {
    const content: ChainedContent = {
      tenantId,
      seq: seq + 1,
      actor: e.actor,
      type: e.type,
      occurredAt: e.occurredAt ?? new Date().toISOString(),
      payload: e.payload,
    };
    const payloadJson = canonicalJson(e.payload);
    const next = chainHashOf(hash, content, payloadJson);
    appended.push({ ...content, prevHash: hash, hash: next });
    rows.push(
      `{"seq":${content.seq},"actor":${JSON.stringify(content.actor)},"type":${JSON.stringify(content.type)},` +
        `"occurred_at":${JSON.stringify(content.occurredAt)},"payload":${payloadJson},` +
        `"prev_hash":${JSON.stringify(hash)},"hash":${JSON.stringify(next)}}`,
    );
    seq = content.seq;
    hash = next;
  }
  return {
    fragments: [
      {
        name: 'audit_head',
        // Both seq and hash: a head that merely reached the same seq by another path (a restored database)
        // is not the head these links were computed from.
        sql: `UPDATE audit_heads SET seq = $3, hash = $4 WHERE tenant_id = $1 AND seq = $2 AND hash = $5
              RETURNING 1`,
        params: [tenantId, head.seq, seq, hash, head.hash],
        expect: { rows: 1, code: HEAD_MOVED, message: `the audit chain head of ${tenantId} moved` },
      },
      {
        name: 'audit_events',
        sql: `INSERT INTO audit_events (tenant_id, seq, actor, type, occurred_at, payload, prev_hash, hash)
              SELECT $1, e.seq, e.actor, e.type, e.occurred_at, e.payload, e.prev_hash, e.hash
              FROM jsonb_to_recordset($2::jsonb) AS e (seq bigint, actor text, type text,
                occurred_at timestamptz, payload jsonb, prev_hash text, hash text)`,
        params: [tenantId, jsonRows(rows)],
      },
    ],
    appended,
    head: { seq, hash },
  };
}

/** Appends several events of one tenant in order, inside the caller's transaction, in one statement. */
export async function appendAuditEvents(
  client: PoolClient,
  events: AuditEventInput[],
): Promise<AppendedAuditEvent[]> {
  if (events.length === 0) return [];
  const chain = chainFragments(events[0]!.tenantId, await lockHead(client, events[0]!.tenantId), events);
  await runFragments(client, chain.fragments);
  return chain.appended;
}
