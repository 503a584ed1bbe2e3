import { postOutbound } from '../http/outbound-post.ts';
import { type OutboundPolicy, OutboundRefused } from '../http/outbound-url.ts';
import { SIGNATURE_HEADER, sign, TIMESTAMP_HEADER } from './signature.ts';

export interface SignedAttempt {
  statusCode: number | null;
  /** Null when the receiver answered 2xx. */
  error: string | null;
  /** The SSRF guard refused the destination: retrying would meet the same addresses. */
  refused: boolean;
}

/** One signed POST (tenant webhooks, screen-job callbacks): HMAC over timestamp and body, outcome never thrown. */
export async function sendSigned(o: {
  url: string;
  secret: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  policy: OutboundPolicy;
}): Promise<SignedAttempt> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const statusCode = await postOutbound({
      url: o.url,
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'tradescreen-webhooks/1',
        ...o.headers,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: sign(o.secret, timestamp, o.body),
      },
      body: o.body,
      timeoutMs: o.timeoutMs,
      policy: o.policy,
    });
    return {
      statusCode,
      error: statusCode >= 200 && statusCode < 300 ? null : `HTTP ${statusCode}`,
      refused: false,
    };
  } catch (err) {
    return {
      statusCode: null,
      error: (err as Error).message.slice(0, 500),
      refused: err instanceof OutboundRefused,
    };
  }
}
