import type { Queryable } from '../db/pool.ts';

export interface OperatorChainHead {
  seq: number;
  hash: string;
}

export interface StoredOperatorEvent {
  id: number;
  seq: number;
  actor: string | null;
  type: string;
  occurredAt: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

const COLUMNS = 'id, seq, actor, type, occurred_at, payload, prev_hash, hash';

function toEvent(r: Record<string, unknown>): StoredOperatorEvent {
  return {
    id: r.id as number,
    seq: r.seq as number,
    actor: (r.actor as string | null) ?? null,
    type: r.type as string,
    occurredAt: r.occurred_at as string,
    payload: r.payload,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}

export function createOperatorAuditStore(db: Queryable) {
  return {
    /** Locks the head for the caller's transaction: operator events are few, one writer at a time is plenty. */
    async lockHead(): Promise<OperatorChainHead> {
      const { rows } = await db.query<OperatorChainHead>(
        'SELECT seq, hash FROM operator_audit_head FOR UPDATE',
      );
      return rows[0]!;
    },

    async head(): Promise<OperatorChainHead> {
      const { rows } = await db.query<OperatorChainHead>('SELECT seq, hash FROM operator_audit_head');
      return rows[0]!;
    },

    /** `payloadJson` is the canonical text the hash was computed over: the text stored is the text hashed. */
    async append(e: Omit<StoredOperatorEvent, 'id' | 'payload'> & { payloadJson: string }): Promise<void> {
      await db.query(
        `INSERT INTO operator_audit_events (seq, actor, type, occurred_at, payload, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
        [e.seq, e.actor, e.type, e.occurredAt, e.payloadJson, e.prevHash, e.hash],
      );
      await db.query('UPDATE operator_audit_head SET seq = $1, hash = $2', [e.seq, e.hash]);
    },

    async page(afterSeq: number, limit: number): Promise<StoredOperatorEvent[]> {
      const { rows } = await db.query(
        `SELECT ${COLUMNS} FROM operator_audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [afterSeq, limit],
      );
      return rows.map(toEvent);
    },

    async newest(limit: number): Promise<StoredOperatorEvent[]> {
      const { rows } = await db.query(
        `SELECT ${COLUMNS} FROM operator_audit_events ORDER BY seq DESC LIMIT $1`,
        [limit],
      );
      return rows.map(toEvent);
    },
  };
}
