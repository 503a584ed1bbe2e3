import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkedLookup, type OutboundPolicy, type Resolve } from './outbound-url.ts';

export interface OutboundPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: OutboundPolicy;
  resolve?: Resolve;
}

/**
 * POSTs to a tenant-supplied URL through the SSRF guard and returns the status code. node:http rather than
 * fetch: its `lookup` option pins the connection to the addresses the guard checked (TLS still verifies the
 * certificate against the URL's name), and it never follows redirects, which would send the signed body
 * somewhere the tenant did not register. Throws OutboundRefused when the guard says no.
 */
export async function postOutbound(p: OutboundPost): Promise<number> {
  const url = new URL(p.url);
  const lookup = await checkedLookup(url, p.policy, p.resolve);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: { ...p.headers, 'Content-Length': Buffer.byteLength(p.body) },
      lookup,
      // A fresh connection each time: a pooled socket would skip the pinned lookup.
      agent: false,
      signal: AbortSignal.timeout(p.timeoutMs),
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (err) =>
      reject(err.name === 'AbortError' ? new Error(`no answer within ${p.timeoutMs} ms`) : err),
    );
    req.end(p.body);
  });
}
