import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-Tradescreen-Timestamp';
export const SIGNATURE_HEADER = 'X-Tradescreen-Signature';

export const newSigningSecret = (): string => `whsec_${randomBytes(32).toString('hex')}`;

/**
 * `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`. The timestamp is inside the signed text so a captured
 * delivery cannot be replayed later with a fresh timestamp; receivers reject old timestamps (README).
 */
export function sign(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The receiver's check, used by tests and shown in the README. */
export function verify(secret: string, timestamp: string, body: string, header: string): boolean {
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
