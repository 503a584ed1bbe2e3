import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which special-purpose range an IP address falls in, or null for an ordinary public address. The ranges are
 * those a tenant-supplied URL must never reach from inside our network (SSRF): the host itself, private and
 * carrier-grade NAT networks, link-local (where cloud metadata lives: 169.254.169.254, fd00:ec2::254),
 * multicast, and the IANA special-purpose blocks that no public service answers on. IPv6 forms that carry an
 * IPv4 address at a fixed place (mapped, SIIT-translated, compatible, NAT64 well-known prefix, 6to4) are judged
 * by the IPv4 address inside, since the kernel or a translator would connect to that. Forms whose IPv4 address
 * sits where we cannot tell, or behind a relay of someone else's choosing (Teredo, NAT64 local-use), are refused.
 */
export function forbiddenRange(address: string): string | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (isIPv4(bare)) return ipv4Range(ipv4Bytes(bare));
  if (isIPv6(bare)) return ipv6Range(ipv6Bytes(bare));
  return null;
}

/** Whether `host` (a URL hostname, brackets allowed) is an IP address literal rather than a name. */
export const isIpLiteral = (host: string): boolean =>
  isIPv4(host) || isIPv6(host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);

type Range = readonly [prefix: number[], bits: number, name: string];

const V4: readonly Range[] = [
  [[0], 8, 'this network (0.0.0.0/8)'],
  [[10], 8, 'private (10.0.0.0/8)'],
  [[100, 64], 10, 'carrier-grade NAT (100.64.0.0/10)'],
  [[127], 8, 'loopback (127.0.0.0/8)'],
  [[169, 254], 16, 'link-local (169.254.0.0/16)'],
  [[172, 16], 12, 'private (172.16.0.0/12)'],
  [[192, 0, 0], 24, 'IETF protocol assignments (192.0.0.0/24)'],
  [[192, 0, 2], 24, 'documentation (192.0.2.0/24)'],
  [[192, 88, 99], 24, '6to4 relay anycast (192.88.99.0/24)'],
  [[192, 168], 16, 'private (192.168.0.0/16)'],
  [[198, 18], 15, 'benchmarking (198.18.0.0/15)'],
  [[198, 51, 100], 24, 'documentation (198.51.100.0/24)'],
  [[203, 0, 113], 24, 'documentation (203.0.113.0/24)'],
  [[224], 4, 'multicast (224.0.0.0/4)'],
  [[255, 255, 255, 255], 32, 'broadcast (255.255.255.255)'],
  [[240], 4, 'reserved (240.0.0.0/4)'],
];

const V6: readonly Range[] = [
  [[], 128, 'unspecified (::)'],
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128, 'loopback (::1)'],
  [[0x01, 0x00], 64, 'discard-only (100::/64)'],
  // RFC 4380: server IPv4 in bits 32-63, the client's NAT address XOR-ed into the last 32 bits; reached through
  // a Teredo relay, so the address that is finally called is not the one we could check. No public webhook
  // receiver is reachable only over Teredo.
  [[0x20, 0x01, 0x00, 0x00], 32, 'Teredo (2001::/32)'],
  // RFC 8215: for a network's own translators, whose prefix length (/48 to /96, RFC 6052) decides where the
  // IPv4 address sits; we cannot know it, and whatever it is, the translator is inside that network.
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'NAT64 local-use (64:ff9b:1::/48)'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation (2001:db8::/32)'],
  [[0xfc], 7, 'unique-local (fc00::/7)'],
  [[0xfe, 0x80], 10, 'link-local (fe80::/10)'],
  [[0xfe, 0xc0], 10, 'site-local (fec0::/10)'],
  [[0xff], 8, 'multicast (ff00::/8)'],
];

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let i = 0; i * 8 < bits; i++) {
    const want = prefix[i] ?? 0;
    const mask = bits - i * 8 >= 8 ? 0xff : (0xff << (8 - (bits - i * 8))) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== (want & mask)) return false;
  }
  return true;
}

const ipv4Range = (b: number[]): string | null => V4.find((r) => inRange(b, r))?.[2] ?? null;

function ipv6Range(b: number[]): string | null {
  const own = V6.find((r) => inRange(b, r));
  if (own) return own[2];
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  const embedded = (at: number, form: string) => {
    const inner = ipv4Range(b.slice(at, at + 4));
    return inner ? `${inner} as ${form}` : null;
  };
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated but still routed by some stacks).
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return embedded(12, 'IPv4-mapped IPv6');
  if (zeros(0, 12)) return embedded(12, 'IPv4-compatible IPv6');
  // ::ffff:0:a.b.c.d (SIIT IPv4-translated, RFC 2765/7915, ::ffff:0:0/96): a stateless translator calls the IPv4.
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) return embedded(12, 'SIIT IPv6');
  // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052): a translator calls the IPv4 in the last 32 bits. The rest
  // of 64:ff9b::/32 outside /96 and the local-use /48 (refused above) is not allocated: refused.
  if (b[0] === 0 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b)
    return zeros(4, 12) ? embedded(12, 'NAT64 IPv6') : 'unallocated NAT64 space (64:ff9b::/32)';
  // 6to4 (RFC 3056): a relay tunnels to the IPv4 in bits 16-47.
  if (b[0] === 0x20 && b[1] === 0x02) return embedded(2, '6to4 IPv6');
  return null;
}

const ipv4Bytes = (a: string): number[] => a.split('.').map(Number);

function ipv6Bytes(a: string): number[] {
  let text = a.split('%')[0]!;
  // A dotted IPv4 tail (::ffff:127.0.0.1) becomes two hex groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [p, q, r, s] = ipv4Bytes(tail[1]!) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((p << 8) | q).toString(16)}:${((r << 8) | s).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const left = groups(head);
  const right = groups(rest);
  const all =
    rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return all.flatMap((g) => {
    const n = Number.parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}
