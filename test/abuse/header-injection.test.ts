import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { assertHandled } from './support/abuse-app.ts';

/**
 * CR/LF in request headers must never come back as a header of its own (response splitting): X-Request-Id
 * is echoed only when it is a plain token, the others are never echoed. Raw sockets, because an HTTP client
 * refuses to send such headers at all.
 */
let t: ScreeningTestApp;
let server: Server;
let port: number;

before(async () => {
  t = await startScreeningApp();
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
after(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await t?.close();
});

/** Sends raw bytes, returns the raw response head (status line and headers). */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      data += chunk;
      if (data.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(data.slice(0, data.indexOf('\r\n\r\n')));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(data));
    socket.write(request, 'latin1');
  });
}

const body = JSON.stringify({ parties: [{ name: 'Acme' }] });
const post = (headerLines: string[]) =>
  raw(
    [
      'POST /screen HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      ...headerLines,
      '',
      body,
    ].join('\r\n'),
  );

function assertNotInjected(head: string, what: string): void {
  assert.match(head, /^HTTP\/1\.1 \d{3}/, `${what}: no HTTP answer: ${head}`);
  const lines = head.split('\r\n').slice(1);
  for (const line of lines) {
    assert.doesNotMatch(line, /^(set-cookie|x-injected|location):/i, `${what}: injected header: ${line}`);
    assert.doesNotMatch(line, /pwned/i, `${what}: payload reflected: ${line}`);
  }
}

describe('header injection', () => {
  const auth = `Authorization: Bearer ${'x'.repeat(0)}`;
  test('CR, LF or CRLF inside X-Request-Id, Idempotency-Key and Authorization', async () => {
    const key = bearer(t.adminKey).Authorization;
    const cases: Record<string, string[]> = {
      'X-Request-Id with lone CR': [`Authorization: ${key}`, 'X-Request-Id: abc\rSet-Cookie: pwned=1'],
      'X-Request-Id with lone LF': [`Authorization: ${key}`, 'X-Request-Id: abc\nSet-Cookie: pwned=1'],
      'X-Request-Id then a smuggled header line': [
        `Authorization: ${key}`,
        'X-Request-Id: abc',
        'X-Injected: pwned',
      ],
      'Idempotency-Key with lone CR': [`Authorization: ${key}`, 'Idempotency-Key: k\rSet-Cookie: pwned=1'],
      'Authorization with lone CR': [`Authorization: ${key}\rX-Injected: pwned`],
      'Authorization with LF then a header': [`Authorization: ${key}\nX-Injected: pwned`],
      'obs-fold continuation line': [`Authorization: ${key}`, 'X-Request-Id: abc', ' Set-Cookie: pwned=1'],
      'no key, CR in Authorization': [`${auth}\rSet-Cookie: pwned=1`],
    };
    for (const [what, lines] of Object.entries(cases)) assertNotInjected(await post(lines), what);
  });

  test('a well-formed but unsafe X-Request-Id is replaced, a safe one echoed, other headers never echoed', async () => {
    const unsafe = [
      'abc%0d%0aSet-Cookie:pwned',
      'abc def',
      `a${'b'.repeat(200)}`,
      'é\u0085pwned',
      '<script>pwned',
    ];
    for (const id of unsafe) {
      const res = await t
        .http()
        .post('/screen')
        .set(bearer(t.adminKey))
        .set('X-Request-Id', id)
        .set('Idempotency-Key', `pwned-${id}`)
        .send({ parties: [{ name: 'Acme' }] });
      assertHandled(res, 'screen', id);
      assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/, id);
      for (const [name, value] of Object.entries(res.headers)) {
        assert.doesNotMatch(`${name}: ${value}`, /pwned/i, `${id} reflected in ${name}`);
      }
    }
    const safe = await t.http().get('/healthz').set('X-Request-Id', 'trace-42.a:b_c');
    assert.equal(safe.headers['x-request-id'], 'trace-42.a:b_c');
  });
});
