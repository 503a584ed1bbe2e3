import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type supertest from 'supertest';
import { bearer } from '../support/test-app.ts';
import { type AbuseApp, assertHandled, startAbuseApp } from './support/abuse-app.ts';
import { rawBody } from './support/raw-bodies.ts';
import { mutatedScreenRequest, nastyValue, screenRequest } from './support/screen-arbitraries.ts';

/**
 * Property-based fuzzing of POST /screen and POST /screen/batch: every body, inside the schema or far outside
 * it, gets a documented answer (200 or a problem+json 4xx), never a 5xx or a crash. FUZZ_RUNS is the total
 * number of cases over all properties: small under `npm test`, 100,000 under `npm run test:fuzz`.
 */
const TOTAL = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const share = (fraction: number, cap = Number.POSITIVE_INFINITY) =>
  Math.max(5, Math.min(cap, Math.round(TOTAL * fraction)));

let t: AbuseApp;
let cases = 0;
let stored = 0;
const statuses = new Map<number, number>();

before(async () => {
  // The fuzzer is one client far faster than any limit a real key has; rate limiting is tested on its own.
  t = await startAbuseApp({ RATE_LIMIT_PER_SECOND: '1000000' });
  // Every list open to exclusion, so list selections reach screening (and its floor) instead of all being
  // refused by the default policy; unknown ids among the arbitraries are still refused.
  const opened = await t
    .request()
    .put('/policy')
    .set(bearer(t.adminKey))
    .send({ excludableLists: t.container.lists.catalog.sources.map((s) => s.id) });
  assert.equal(opened.status, 200, opened.text);
});
after(async () => {
  await t?.close();
});

async function post(
  path: '/screen' | '/screen/batch',
  body: unknown,
  raw?: { contentType: string | undefined; contentEncoding: string | undefined },
): Promise<supertest.Response> {
  let req = t.request().post(path).set(bearer(t.adminKey));
  if (raw) {
    if (raw.contentType !== undefined) req = req.set('Content-Type', raw.contentType);
    if (raw.contentEncoding !== undefined) req = req.set('Content-Encoding', raw.contentEncoding);
    req = req.send(body as string);
  } else {
    req = req.type('application/json').send(JSON.stringify(body));
  }
  const res = await req;
  cases++;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const operationId = path === '/screen' ? 'screen' : 'screenBatch';
  if (res.status === 200) {
    stored +=
      operationId === 'screen' ? 1 : res.body.items.filter((i: { result?: unknown }) => i.result).length;
  }
  return res;
}

const describeBody = (body: unknown) =>
  typeof body === 'string' || Buffer.isBuffer(body)
    ? String(body).slice(0, 300)
    : JSON.stringify(body)?.slice(0, 300);

const run = (property: fc.IAsyncProperty<never> | fc.IAsyncPropertyWithHooks<never>, numRuns: number) =>
  fc.assert(property as fc.IAsyncProperty<unknown>, { numRuns, seed: SEED, endOnFailure: true });

describe(`fuzzing POST /screen and /screen/batch (FUZZ_RUNS=${TOTAL})`, () => {
  test('a request inside the schema is screened (200) or refused for what it says (400)', async () => {
    await run(
      fc.asyncProperty(screenRequest, async (body) => {
        const res = await post('/screen', body);
        assertHandled(res, 'screen', describeBody(body));
        assert.ok([200, 400].includes(res.status), `${res.status} ${res.text.slice(0, 300)}`);
        // The floor: whatever the selection, an answer no sanctions list gave is never clear.
        const sanctioned = (v: { source: string; status: string }) =>
          v.status === 'used' && t.container.lists.catalog.get(v.source)?.kind === 'sanctions';
        if (res.status === 200 && !res.body.listVersions.some(sanctioned))
          assert.notEqual(res.body.decision, 'clear', describeBody(body));
      }) as never,
      share(0.2),
    );
  });

  test('a batch of valid and broken items answers per item, in order', async () => {
    const item = fc.oneof(
      { weight: 3, arbitrary: screenRequest },
      { weight: 1, arbitrary: mutatedScreenRequest },
    );
    await run(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 5 }), async (items) => {
        const res = await post('/screen/batch', { items });
        assertHandled(res, 'screenBatch', describeBody(items));
        if (res.status === 200) {
          assert.deepEqual(
            res.body.items.map((i: { index: number }) => i.index),
            items.map((_, i) => i),
          );
        }
      }) as never,
      share(0.1),
    );
  });

  test('a request with one field replaced by a wrong type, hostile string or prototype key', async () => {
    await run(
      fc.asyncProperty(mutatedScreenRequest, fc.boolean(), async (body, batch) => {
        const res = batch ? await post('/screen/batch', { items: [body] }) : await post('/screen', body);
        assertHandled(res, batch ? 'screenBatch' : 'screen', describeBody(body));
      }) as never,
      share(0.3),
    );
  });

  test('any JSON value at all as the body', async () => {
    await run(
      fc.asyncProperty(
        fc.oneof(nastyValue, fc.jsonValue({ maxDepth: 6 })),
        fc.boolean(),
        async (body, batch) => {
          const path = batch ? '/screen/batch' : '/screen';
          const res = await post(path, body);
          assertHandled(res, batch ? 'screenBatch' : 'screen', describeBody(body));
          assert.ok(res.status >= 400 || (body !== null && typeof body === 'object'), res.text.slice(0, 200));
        },
      ) as never,
      share(0.2),
    );
  });

  test('raw bytes: deep nesting, duplicate keys, odd numbers, escapes, garbage, under any content type', async () => {
    await run(
      fc.asyncProperty(rawBody, fc.boolean(), async (raw, batch) => {
        const path = batch ? '/screen/batch' : '/screen';
        const res = await post(path, raw.body, raw);
        assertHandled(
          res,
          batch ? 'screenBatch' : 'screen',
          `${raw.contentType} ${raw.contentEncoding} ${describeBody(raw.body)}`,
        );
      }) as never,
      share(0.19),
    );
  });

  test('sizes at and past every limit: 1 MiB strings, 10,000 parties, 1,001 batch items', async () => {
    const MiB = 1024 * 1024;
    const huge = fc.oneof(
      fc.integer({ min: MiB - 64, max: MiB + 64 }).map((n) => ({ parties: [{ name: 'x'.repeat(n) }] })),
      fc
        .integer({ min: 301, max: 200_000 })
        .map((n) => ({ reference: 'r'.repeat(n), parties: [{ name: 'a' }] })),
      fc
        .integer({ min: 101, max: 10_000 })
        .map((n) => ({ parties: Array.from({ length: n }, (_, i) => ({ name: `P${i}` })) })),
      fc
        .integer({ min: 1001, max: 1100 })
        .map((n) => ({ items: Array.from({ length: n }, () => ({ parties: [{ name: 'a' }] })) })),
      fc.constant({
        parties: Array.from({ length: 100 }, (_, i) => ({
          name: `${'N'.repeat(290)}${i}`,
          aliases: Array(20).fill('alias'),
        })),
      }),
      fc.constant({
        parties: [{ name: 'a' }],
        goods: Array.from({ length: 500 }, () => ({ code: '8542 31 90' })),
      }),
    );
    await run(
      fc.asyncProperty(huge, async (body) => {
        const path = 'items' in body ? '/screen/batch' : '/screen';
        const res = await post(path, body);
        assertHandled(res, path === '/screen' ? 'screen' : 'screenBatch', describeBody(body));
      }) as never,
      share(0.02, 1000),
    );
  });

  test('afterwards: no prototype was polluted, and every 200 left exactly one stored screening', async (ctx) => {
    const probe: Record<string, unknown> = {};
    assert.equal(probe.polluted, undefined);
    assert.equal(probe.isAdmin, undefined);
    assert.equal(Object.keys(Object.prototype).length, 0);
    const { rows } = await t.container.pool.query('SELECT count(*)::int AS n FROM screenings');
    assert.equal(rows[0].n, stored);
    ctx.diagnostic(`fuzz cases: ${cases}; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
    assert.ok(cases >= 6 * 5);
  });
});
