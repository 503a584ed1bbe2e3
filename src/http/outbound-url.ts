import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { forbiddenRange, isIpLiteral } from './address-ranges.ts';

/**
 * The one guard for URLs a tenant gives us to call back (webhooks, screen-job callbacks): without it a tenant
 * could make the service POST to its own loopback ports, the database, internal admin pages or the cloud
 * metadata service (SSRF). Checked twice: when the URL is stored (literal addresses and reserved names, so the
 * tenant hears about it at once) and before every delivery (the name's addresses, which can change after
 * registration: DNS rebinding). `allowPrivate` (OUTBOUND_ALLOW_PRIVATE) lifts the address checks for on-premise
 * receivers inside the bank's network; scheme and credential checks always apply.
 */
export interface OutboundPolicy {
  allowPrivate: boolean;
}

/** Names that resolve inside the host or the local network whatever DNS says (RFC 6761, 6762, 8375; .internal). */
const RESERVED_NAME = /(^|\.)(localhost|local|internal|home\.arpa)$/;

/** Why `raw` may not be stored as a callback URL, or null when it may. */
export function registrationProblem(raw: string, policy: OutboundPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must use http or https';
  // Credentials would be shown back in GET answers, audit events and logs.
  if (url.username || url.password) return 'must not carry a user name or password';
  if (policy.allowPrivate) return null;
  // WHATWG parsing already turned 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1, so one check covers them.
  const range = forbiddenRange(url.hostname);
  if (range) return `must not point at a ${range} address`;
  const name = url.hostname.replace(/\.$/, '');
  if (!isIpLiteral(name) && RESERVED_NAME.test(name)) return `must not point at the reserved name ${name}`;
  return null;
}

/** A delivery the guard refused: recorded as failed at once, since retrying would meet the same addresses. */
export class OutboundRefused extends Error {}

export type Resolve = (host: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (host) => dns.lookup(host, { all: true, verbatim: true });

/**
 * Resolves the URL's host once and checks every address (one bad answer among good ones is enough for a
 * rebinding attacker to win a race). Returns a `lookup` for the HTTP agent that hands back exactly these
 * addresses, so the connection goes where the check looked and no second DNS answer is consulted.
 */
export async function checkedLookup(
  url: URL,
  policy: OutboundPolicy,
  resolve: Resolve = systemResolve,
): Promise<LookupFunction> {
  // Scheme and credentials only: a name is judged by what it resolves to now, not by how it is spelt.
  const problem = registrationProblem(url.href, { allowPrivate: true });
  if (problem) throw new OutboundRefused(`refused: the URL ${problem}`);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const addresses = isIpLiteral(host)
    ? [{ address: host, family: host.includes(':') ? 6 : 4 }]
    : await resolve(host);
  if (addresses.length === 0) throw new Error(`${host} has no addresses`);
  if (!policy.allowPrivate)
    for (const a of addresses) {
      const range = forbiddenRange(a.address);
      if (range) throw new OutboundRefused(`refused: ${host} resolves to ${a.address}, a ${range} address`);
    }
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  }) as LookupFunction;
}
