import { createHash } from 'node:crypto';
import type { Pool } from '../db/pool.ts';
import { readAuditChain, type StoredAuditEvent } from './audit-store.ts';
import { canonicalJson } from './canonical-json.ts';
import { chainHash, GENESIS_HASH } from './chain-hash.ts';
import { chainHead, screeningContents } from './verify-store.ts';

export interface AuditVerification {
  ok: boolean;
  rowsChecked: number;
  firstBrokenId: number | null;
  detail?: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface ScreeningPayload {
  screeningId?: string;
  requestHash?: string;
  resultHash?: string;
}

/**
 * Walks a tenant's chain page by page (memory stays flat at any length), recomputing every link and, for
 * screening events, the hashes of the stored screening the event vouches for. Stops at the first broken link:
 * everything after it is unverifiable anyway.
 */
export async function verifyAuditChain(
  pool: Pool,
  tenantId: string,
  pageSize = 2000,
): Promise<AuditVerification> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const broken = (e: StoredAuditEvent, detail: string): AuditVerification => ({
    ok: false,
    rowsChecked: checked,
    firstBrokenId: e.id,
    detail: `seq ${e.seq}: ${detail}`,
  });
  for (;;) {
    const page = await readAuditChain(pool, tenantId, expectedSeq - 1, pageSize);
    if (page.length === 0) break;
    const screenings = await screeningContents(
      pool,
      tenantId,
      page.flatMap((e) => {
        const id = e.type === 'screening' ? (e.payload as ScreeningPayload).screeningId : undefined;
        return id ? [id] : [];
      }),
    );
    for (const e of page) {
      if (e.seq !== expectedSeq) return broken(e, `expected seq ${expectedSeq}: events are missing`);
      if (e.prevHash !== prev) return broken(e, 'prev_hash does not match the previous event');
      if (chainHash(prev, e) !== e.hash) return broken(e, 'content does not match its hash');
      if (e.type === 'screening') {
        const payload = e.payload as ScreeningPayload;
        const stored = payload.screeningId ? screenings.get(payload.screeningId) : undefined;
        if (!stored) return broken(e, `screening ${payload.screeningId} is missing`);
        if (sha256(canonicalJson(stored.request)) !== payload.requestHash)
          return broken(e, `screening ${payload.screeningId}: stored request was altered`);
        if (sha256(canonicalJson(stored.result)) !== payload.resultHash)
          return broken(e, `screening ${payload.screeningId}: stored result was altered`);
      }
      prev = e.hash;
      expectedSeq++;
      checked++;
    }
  }
  const head = await chainHead(pool, tenantId);
  if (head && (head.seq !== checked || head.hash !== prev)) {
    return {
      ok: false,
      rowsChecked: checked,
      firstBrokenId: null,
      detail: `the chain ends at seq ${checked} but its head records seq ${head.seq}: events were removed`,
    };
  }
  return { ok: true, rowsChecked: checked, firstBrokenId: null };
}
