import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { forbiddenRange } from '../../src/http/address-ranges.ts';
import { checkedLookup, OutboundRefused, registrationProblem } from '../../src/http/outbound-url.ts';

const guarded = { allowPrivate: false };
const open = { allowPrivate: true };

describe('forbiddenRange', () => {
  const forbidden: [string, RegExp][] = [
    ['0.0.0.0', /this network/],
    ['0.1.2.3', /this network/],
    ['10.0.0.1', /private \(10/],
    ['10.255.255.255', /private \(10/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['100.127.255.255', /carrier-grade NAT/],
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['169.254.169.254', /link-local/],
    ['172.16.0.1', /private \(172\.16/],
    ['172.31.255.255', /private \(172\.16/],
    ['192.168.1.1', /private \(192\.168/],
    ['198.18.0.1', /benchmarking/],
    ['224.0.0.1', /multicast/],
    ['239.255.255.250', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['240.0.0.1', /reserved/],
    ['::', /unspecified/],
    ['::1', /loopback \(::1\)/],
    ['[::1]', /loopback \(::1\)/],
    ['fe80::1', /link-local \(fe80/],
    ['febf::1', /link-local \(fe80/],
    ['fc00::1', /unique-local/],
    ['fd00::1', /unique-local/],
    ['fd00:ec2::254', /unique-local/],
    ['ff02::1', /multicast \(ff00/],
    ['fec0::1', /site-local/],
    ['::ffff:127.0.0.1', /loopback \(127.*IPv4-mapped/],
    ['::ffff:7f00:1', /loopback \(127.*IPv4-mapped/],
    ['::ffff:a9fe:a9fe', /link-local \(169.*IPv4-mapped/],
    ['::ffff:10.1.2.3', /private \(10.*IPv4-mapped/],
    ['::127.0.0.1', /loopback.*IPv4-compatible/],
    ['64:ff9b::a9fe:a9fe', /link-local.*NAT64/],
    ['2002:7f00:1::', /loopback.*6to4/],
    // Every IPv6 form that carries an IPv4 address, with a private inner address (judged by it) or refused outright.
    ['::ffff:0:127.0.0.1', /loopback \(127.*SIIT/],
    ['::ffff:0:7f00:1', /loopback \(127.*SIIT/],
    ['::ffff:0:a9fe:a9fe', /link-local \(169.*SIIT/],
    ['::ffff:0:10.0.0.1', /private \(10.*SIIT/],
    ['::10.0.0.1', /private \(10.*IPv4-compatible/],
    ['::a9fe:a9fe', /link-local.*IPv4-compatible/],
    ['64:ff9b::127.0.0.1', /loopback.*NAT64 IPv6/],
    ['64:ff9b::c0a8:101', /private \(192\.168.*NAT64 IPv6/],
    ['64:ff9b:1::a00:1', /NAT64 local-use/],
    ['64:ff9b:1:808:8:800::', /NAT64 local-use/], // 8.8.8.8 at a /48 prefix's place: still the local translator
    ['64:ff9b:1:ffff::808:808', /NAT64 local-use/],
    ['64:ff9b::1:0:0:808:808', /unallocated NAT64/],
    ['64:ff9b:2::808:808', /unallocated NAT64/],
    ['2002:a00:1::', /private \(10.*6to4/],
    ['2002:a9fe:a9fe::1', /link-local.*6to4/],
    ['2002:c0a8:101::', /private \(192\.168.*6to4/],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /Teredo/], // RFC 4380's example
    ['2001::1', /Teredo/],
    ['2001:0:808:808::f7f7:f7f7', /Teredo/], // public server and client: refused all the same
  ];
  for (const [address, reason] of forbidden)
    test(`${address} is refused`, () => assert.match(forbiddenRange(address) ?? 'allowed', reason));

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '169.253.255.255',
    '192.169.0.1',
    '11.0.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    'fbff::1',
    // The same embedding forms with a public IPv4 inside, and the neighbours of the refused prefixes.
    '::ffff:0:8.8.8.8',
    '::ffff:0:808:808',
    '::8.8.8.8',
    '2002:808:808::1',
    '64:ff9b::8.8.8.8',
    '2001:1::1',
    '2001:4860:4860::8888',
  ];
  for (const address of allowed)
    test(`${address} is allowed`, () => assert.equal(forbiddenRange(address), null));

  test('a name is not an address', () => assert.equal(forbiddenRange('example.com'), null));
});

describe('registrationProblem', () => {
  // The WHATWG parser turns decimal, hex and octal IPv4 spellings into dotted form before the check.
  const refused: [string, RegExp][] = [
    ['http://127.0.0.1:8080/hook', /loopback/],
    ['http://2130706433/', /loopback/],
    ['http://0x7f.1/', /loopback/],
    ['http://0177.0.0.1/', /loopback/],
    ['http://017700000001/', /loopback/],
    ['http://127.1/', /loopback/],
    ['http://0/', /this network/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://0xa9fea9fe/', /link-local/],
    ['http://[::1]:9000/', /loopback/],
    ['http://[::ffff:127.0.0.1]/', /loopback.*IPv4-mapped/],
    ['http://[::ffff:169.254.169.254]/', /link-local.*IPv4-mapped/],
    ['http://[fd00:ec2::254]/', /unique-local/],
    ['http://[fe80::1]/', /link-local/],
    // WHATWG turns these into compressed hex ([::ffff:0:7f00:1]); the check reads the IPv4 back out.
    ['http://[::ffff:0:127.0.0.1]/', /loopback.*SIIT/],
    ['http://[::ffff:0:169.254.169.254]/', /link-local.*SIIT/],
    ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', /Teredo/],
    ['http://[64:ff9b:1::a9fe:a9fe]/', /NAT64 local-use/],
    ['http://[2002:a9fe:a9fe::]/', /link-local.*6to4/],
    ['http://localhost:3000/', /reserved name localhost/],
    ['http://LOCALHOST./', /reserved name localhost/],
    ['http://api.localhost/', /reserved name api\.localhost/],
    ['http://printer.local/', /reserved name/],
    ['http://metadata.google.internal/computeMetadata/v1/', /reserved name/],
    ['ftp://example.com/', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['https://user:pass@example.com/', /user name or password/],
    ['https://token@example.com/', /user name or password/],
    ['not a url', /not a valid URL/],
  ];
  for (const [url, reason] of refused)
    test(`${url} is refused`, () => assert.match(registrationProblem(url, guarded) ?? 'allowed', reason));

  test('public names and addresses are allowed', () => {
    for (const url of ['https://hooks.example.com/x', 'http://8.8.8.8/', 'https://[2606:4700::1111]/'])
      assert.equal(registrationProblem(url, guarded), null, url);
  });

  test('OUTBOUND_ALLOW_PRIVATE lifts the address checks, not the scheme or credential ones', () => {
    assert.equal(registrationProblem('http://127.0.0.1:8080/', open), null);
    assert.equal(registrationProblem('http://localhost/', open), null);
    assert.match(registrationProblem('ftp://127.0.0.1/', open) ?? '', /http or https/);
    assert.match(registrationProblem('http://u:p@127.0.0.1/', open) ?? '', /user name/);
  });
});

describe('checkedLookup', () => {
  const resolveTo =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  test('refused when any resolved address is forbidden (a rebinding answer among good ones)', async () => {
    await assert.rejects(
      checkedLookup(new URL('https://hooks.example.com/'), guarded, resolveTo('8.8.8.8', '10.0.0.5')),
      (err: Error) =>
        err instanceof OutboundRefused && /resolves to 10\.0\.0\.5, a private/.test(err.message),
    );
  });

  test('a name resolving to an SIIT or Teredo address is refused at delivery', async () => {
    for (const address of ['::ffff:0:a9fe:a9fe', '2001:0:4136:e378:8000:63bf:3fff:fdd2'])
      await assert.rejects(
        checkedLookup(new URL('https://hooks.example.com/'), guarded, resolveTo(address)),
        (err: Error) => err instanceof OutboundRefused && err.message.includes(address),
      );
  });

  test('localhost resolved by the system resolver is refused', async () => {
    // The registration check would already refuse the name; here the URL is checked as if it had changed.
    await assert.rejects(
      checkedLookup(new URL('http://localhost:1/'), guarded),
      (err: Error) => err instanceof OutboundRefused,
    );
  });

  test('the returned lookup hands back exactly the checked addresses', async () => {
    const lookup = await checkedLookup(
      new URL('https://hooks.example.com/'),
      guarded,
      resolveTo('8.8.8.8', '2606:4700::1111'),
    );
    const all = await new Promise((r) =>
      (lookup as (...a: unknown[]) => void)('hooks.example.com', { all: true }, (_e: unknown, a: unknown) =>
        r(a),
      ),
    );
    assert.deepEqual(all, [
      { address: '8.8.8.8', family: 4 },
      { address: '2606:4700::1111', family: 6 },
    ]);
    const one = await new Promise((r) =>
      (lookup as (...a: unknown[]) => void)('hooks.example.com', {}, (_e: unknown, a: unknown, f: unknown) =>
        r([a, f]),
      ),
    );
    assert.deepEqual(one, ['8.8.8.8', 4]);
  });

  test('private addresses pass when allowed', async () => {
    const lookup = await checkedLookup(new URL('http://db.corp/'), open, resolveTo('10.0.0.5'));
    assert.equal(typeof lookup, 'function');
  });
});
