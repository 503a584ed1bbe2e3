import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { buildConsole } from '../../console/build.ts';
import { createApp } from '../../src/app.ts';
import { createTenantService } from '../../src/auth/tenant-service.ts';
import type { ScreenRequest } from '../../src/contract/screening-types.ts';
import { cloneScreening, storeScreenings } from '../support/bulk-screenings.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { type Browser, launchBrowser, SCREENSHOTS, skipWithoutChromium } from './browser.ts';

// The triage queue at volume in a real Chromium: 5,000 open screenings, of which the console loads one page
// at a time from the oldest, and an officer filters, sorts, pages back and forth and claims an item.
const TOTAL = 5_000;
const OVERDUE = 20;
const PETROV = { name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' };
const NEAR_MATCH = { name: 'Nordlicht Handel GmbH', kind: 'organization', country: 'DE' };
const ref = (i: number) => `TRIAGE-${String(i).padStart(5, '0')}`;

let t: ScreeningTestApp | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let tenant = { id: '', keyId: '', key: '' };
/** Every GET /queue the page made, with the number of items each answer carried. */
const fetched: { url: URL; items: number }[] = [];

/**
 * 5,000 open screenings, one a second up to now, the first 20 thirty hours old (past the default 24-hour SLA).
 * Two are evaluated by the real service in the default tenant (a listed person: block; a near match: review);
 * the officer's tenant gets copies stored through the real chain and projections
 * (test/support/bulk-screenings.ts), every tenth a block.
 */
async function seed(app: ScreeningTestApp) {
  const admin = (await app.container.keys.authenticate(app.adminKey))!;
  const evaluated = await app.container.screening.screenMany(admin, [
    { index: 0, req: { reference: 'PROTO-BLOCK', parties: [PETROV] } as ScreenRequest },
    { index: 1, req: { reference: 'PROTO-REVIEW', parties: [NEAR_MATCH] } as ScreenRequest },
  ]);
  const [block, review] = evaluated.map((e) => e.row!);
  assert.deepEqual([block?.decision, review?.decision], ['block', 'review']);
  // The copies cite policy version 1: the officer's tenant has it, as on its first screening.
  await app.container.policies.current(tenant.id);
  const now = Date.now();
  const rows = Array.from({ length: TOTAL }, (_, i) =>
    cloneScreening(i % 10 === 3 ? block! : review!, {
      tenantId: tenant.id,
      apiKeyId: tenant.keyId,
      reference: ref(i),
      screenedAtMs: i < OVERDUE ? now - 30 * 3_600_000 + i * 1_000 : now - (TOTAL - i) * 1_000,
    }),
  );
  await storeScreenings(app.container, rows);
}

before(async () => {
  if (skipWithoutChromium) return;
  await buildConsole();
  t = await startScreeningApp();
  const created = await createTenantService(t.container.pool, t.container.keys).create(
    `triage-${Date.now().toString(36)}`,
    'Triage at volume',
  );
  tenant = { id: created.tenantId, keyId: created.key.id, key: created.key.key };
  const started = performance.now();
  await seed(t);
  // Not asserted (no timings in tests): the seeding time shows in the log when a run is slow.
  console.log(`seeded ${TOTAL} screenings in ${Math.round(performance.now() - started)} ms`);
  server = createApp(t.container).listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  browser.page.on('response', async (res) => {
    const url = new URL(res.url());
    if (url.pathname !== '/queue' || res.request().method() !== 'GET') return;
    fetched.push({ url, items: ((await res.json()) as { items: unknown[] }).items.length });
  });
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server!.close(resolve));
  await t?.close();
});

/** The text as the officer sees it, with layout whitespace between cells (textContent has none). */
// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node
const seen = (l: Locator) => l.innerText();

describe('the triage queue at volume in Chromium', { skip: skipWithoutChromium }, () => {
  test('5,000 open items page from the oldest, one page at a time, with counts, filters, sort and a claim', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/`);
    await page.getByLabel('API key').fill(tenant.key);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const table = page.locator('table.data').first();
    const rows = table.locator('tbody tr');
    const refs = () => rows.locator('td:nth-child(3)').allInnerTexts();
    await rows.filter({ hasText: ref(0) }).waitFor();
    const counts = page.getByRole('list', { name: 'Queue counts' });
    assert.match(await seen(counts), /5000\s+open[\s\S]*0\s+claimed[\s\S]*20\s+overdue \(SLA 24 h\)/);
    assert.match(await seen(counts), /500\s+block[\s\S]*4500\s+review/);
    assert.match(await seen(page.locator('p.count')), /Items 1–50 of 5000 waiting, oldest first/);
    // Oldest first, and only one page in the browser: the server pages, the console never holds the queue.
    assert.deepEqual(
      await refs(),
      Array.from({ length: 50 }, (_, i) => ref(i)),
    );
    assert.ok(
      fetched.length > 0 && fetched.every((f) => f.url.searchParams.get('limit') === '50' && f.items <= 50),
    );
    const overdueRows = rows.filter({ has: page.locator('.badge.overdue') });
    assert.equal(await overdueRows.count(), OVERDUE, 'the items older than the SLA carry an overdue badge');
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-5000.png'), fullPage: true });

    await page.getByRole('button', { name: 'Next page →' }).click();
    await rows
      .first()
      .filter({ hasText: ref(50) })
      .waitFor();
    assert.match(await seen(page.locator('p.count')), /Items 51–100 of 5000/);
    await page.getByRole('button', { name: 'Next page →' }).click();
    await rows
      .first()
      .filter({ hasText: ref(100) })
      .waitFor();
    await page.getByRole('button', { name: '← Previous page' }).click();
    await rows
      .first()
      .filter({ hasText: ref(50) })
      .waitFor();
    assert.deepEqual(
      await refs(),
      Array.from({ length: 50 }, (_, i) => ref(50 + i)),
    );
    await page.getByRole('button', { name: '⇤ First page' }).click();
    await rows
      .first()
      .filter({ hasText: ref(0) })
      .waitFor();

    // Claim the oldest: the assignee is the officer's key, and the counts follow.
    await page.getByRole('button', { name: `Claim ${ref(0)}` }).click();
    await rows.first().filter({ hasText: tenant.keyId }).waitFor();
    await counts.filter({ hasText: /1\s+claimed/ }).waitFor();

    // Blocks only, newest first.
    await page.getByLabel('Decision').selectOption('block');
    await page.getByLabel('Sort').selectOption('newest');
    await page.getByRole('button', { name: 'Apply' }).click();
    await rows
      .first()
      .filter({ hasText: ref(4993) })
      .waitFor();
    assert.match(await seen(page.locator('p.count')), /Items 1–50 of 500 waiting, newest first/);
    const decisions = await rows.locator('td:nth-child(2)').allInnerTexts();
    assert.ok(
      decisions.every((d) => /block/i.test(d)),
      decisions.join(', '),
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-filtered.png'), fullPage: true });

    assert.ok(fetched.length < 15, `${fetched.length} page loads for 5,000 items`);
    assert.ok(fetched.every((f) => f.items <= 50));
    assert.deepEqual(browser!.problems, []);
  });

  test('a re-screen supersedes its item: the older screening stays readable and links to the newer', async () => {
    const page = browser!.page;
    const listed = await t!.http().get('/queue').query({ limit: 10 }).set(bearer(tenant.key));
    assert.equal(listed.status, 200, listed.text);
    const older = listed.body.items[5] as { screeningId: string; reference: string };
    assert.equal(older.reference, ref(5));
    const again = await t!
      .http()
      .post('/screen')
      .set(bearer(tenant.key))
      .send({ reference: ref(5), parties: [NEAR_MATCH] });
    assert.equal(again.status, 200, again.text);
    await page.goto(`${base}/console/#/screenings/${older.screeningId}`);
    const link = page.getByRole('link', { name: 'a newer screening of this reference' });
    await link.click();
    await page.getByRole('link', { name: 'an earlier screening of this reference' }).waitFor();
    assert.ok(page.url().endsWith(again.body.id), page.url());
    await page.screenshot({ path: join(SCREENSHOTS, 'queue-superseded-detail.png'), fullPage: true });
    // In the queue, newest first: the new screening is the item now, marked as a re-screen.
    await page.goto(`${base}/console/#/queue`);
    await page.getByLabel('Sort').selectOption('newest');
    await page.getByRole('button', { name: 'Apply' }).click();
    const first = page.locator('table.data').first().locator('tbody tr').first();
    await first
      .filter({ hasText: ref(5) })
      .filter({ hasText: 're-screen of' })
      .waitFor();
  });

  test('the seeded copies and the claim are vouched for by the audit chain', async () => {
    const res = await t!.http().get('/audit/verify').set(bearer(tenant.key));
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.ok, true, res.text);
  });
});
