import { createHash } from 'node:crypto';
import { CanonicalText, canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedContent {
  tenantId: string;
  seq: number;
  actor: string | null;
  type: string;
  occurredAt: string;
  payload: unknown;
}

/** hash = SHA-256(previous hash ‖ canonical content): altering, removing or reordering a row breaks every later link. */
export function chainHash(prevHash: string, c: ChainedContent): string {
  return chainHashOf(prevHash, c, canonicalJson(c.payload));
}

/** chainHash with the payload's canonical JSON already made (the same text is stored in the row). */
export function chainHashOf(prevHash: string, c: ChainedContent, payloadJson: string): string {
  const p = new CanonicalText(payloadJson);
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ a: c.actor, o: c.occurredAt, p, s: c.seq, t: c.tenantId, y: c.type }))
    .digest('hex');
}
