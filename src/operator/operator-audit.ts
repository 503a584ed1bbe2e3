import { canonicalJson } from '../audit/canonical-json.ts';
import { type ChainedContent, chainHash, chainHashOf, GENESIS_HASH } from '../audit/chain-hash.ts';
import type { AuditVerification } from '../audit/verify-report.ts';
import type { Pool, PoolClient } from '../db/pool.ts';
import { createOperatorAuditStore, type StoredOperatorEvent } from './operator-audit-store.ts';

/**
 * The chain's name inside every hashed link. Tenant ids match ^[a-z0-9][a-z0-9-]*$, so no tenant's event can
 * be replayed into this chain, nor an operator event into a tenant's.
 */
export const OPERATOR_CHAIN = '(operator)';

export interface OperatorEventInput {
  /** The operator's key id; null for the refresh pipeline acting on its own. */
  actor: string | null;
  type: string;
  payload: unknown;
}

/** Appends one event to the operator chain inside the caller's transaction (the head row lock orders writers). */
export async function appendOperatorEvent(client: PoolClient, e: OperatorEventInput): Promise<void> {
  const store = createOperatorAuditStore(client);
  const head = await store.lockHead();
  const content: ChainedContent = {
    tenantId: OPERATOR_CHAIN,
    seq: head.seq + 1,
    actor: e.actor,
    type: e.type,
    occurredAt: new Date().toISOString(),
    payload: e.payload,
  };
  const payloadJson = canonicalJson(e.payload);
  const hash = chainHashOf(head.hash, content, payloadJson);
  await store.append({ ...content, payloadJson, prevHash: head.hash, hash });
}

export function listOperatorEvents(pool: Pool, limit: number): Promise<StoredOperatorEvent[]> {
  return createOperatorAuditStore(pool).newest(limit);
}

/** Walks the chain page by page, recomputing every link, then checks that it ends where its head says. */
export async function verifyOperatorChain(pool: Pool, pageSize = 2000): Promise<AuditVerification> {
  const store = createOperatorAuditStore(pool);
  let prev = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await store.page(checked, pageSize);
    if (page.length === 0) break;
    for (const e of page) {
      const broken = (detail: string): AuditVerification => ({
        ok: false,
        rowsChecked: checked,
        firstBrokenId: e.id,
        detail: `seq ${e.seq}: ${detail}`,
        problems: [
          { table: 'operator_audit_events', id: String(e.id), field: null, detail, eventSeq: e.seq },
        ],
        problemsTruncated: false,
      });
      if (e.seq !== checked + 1) return broken(`expected seq ${checked + 1}: events are missing`);
      if (e.prevHash !== prev) return broken('prev_hash does not match the previous event');
      if (chainHash(prev, { ...e, tenantId: OPERATOR_CHAIN }) !== e.hash)
        return broken('content does not match its hash');
      prev = e.hash;
      checked++;
    }
  }
  const head = await store.head();
  if (head.seq !== checked || head.hash !== prev) {
    const detail = `the chain ends at seq ${checked} but its head records seq ${head.seq}: events were removed`;
    return {
      ok: false,
      rowsChecked: checked,
      firstBrokenId: null,
      detail,
      problems: [
        { table: 'operator_audit_head', id: OPERATOR_CHAIN, field: 'seq', detail, eventSeq: head.seq },
      ],
      problemsTruncated: false,
    };
  }
  return { ok: true, rowsChecked: checked, firstBrokenId: null, problems: [], problemsTruncated: false };
}
