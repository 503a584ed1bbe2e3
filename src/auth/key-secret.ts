import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `ts_live_` + 32 base62 characters (~190 bits): recognisable in logs and secret scanners, unguessable. */
export function newKeySecret(): string {
  const bytes = randomBytes(32);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % 62];
  return `ts_live_${s}`;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Enough of the key to recognise it in a list, too little to use it. */
export function keyPrefix(secret: string): string {
  return secret.slice(0, 12);
}

export function looksLikeKey(secret: string): boolean {
  return /^ts_(live|test)_[A-Za-z0-9_-]{24,200}$/.test(secret);
}
