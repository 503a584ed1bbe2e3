import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { buildConsole } from '../../console/build.ts';
import { createApp } from '../../src/app.ts';
import { monitorVersion } from '../../src/monitoring/monitor-version.ts';
import { PROCESSORS_TO_RUSSIA } from '../red-flags/profiles.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { type Browser, launchBrowser, SCREENSHOTS, skipWithoutChromium } from './browser.ts';
import {
  CONSOLE_SDN_ROWS,
  createKey,
  publishAlias,
  publishTruncatedList,
  screen,
  seedShipment,
} from './seed.ts';

// The officer console in a real Chromium against the real app on a real database: what an officer sees and
// does on a working day, from sign-in to a recorded false positive and a CSV export.
let t: ScreeningTestApp | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
const keys: Record<'reviewer' | 'reader' | 'screener', { id: string; key: string }> = {} as never;
const SEED = seedShipment();
let seedId = '';
let otherRef = '';
let licensedId = '';
let redFlagId = '';

before(async () => {
  if (skipWithoutChromium) return;
  await buildConsole(); // the page under test is the current source, not a stale build
  t = await startScreeningApp({ rows: CONSOLE_SDN_ROWS });
  // Monitoring: a party watched before version 2 changes its entry raises an alert for the queue.
  const watched = await t
    .http()
    .post('/monitored-parties')
    .set(bearer(t.adminKey))
    .send({ name: 'Kominvex DOO', kind: 'organization', country: 'RS' });
  assert.equal(watched.status, 201, watched.text);
  await publishAlias(t);
  const run = await monitorVersion(t.container.monitoring.monitorDeps, {
    sourceId: 'us-ofac-sdn',
    version: 2,
  });
  assert.equal(run.alerts, 1, JSON.stringify(run));
  server = createApp(t.container).listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  keys.reviewer = await createKey(t, 'officer', ['audit:read', 'review']);
  keys.reader = await createKey(t, 'auditor', ['audit:read']);
  keys.screener = await createKey(t, 'erp', ['screen']);
  // Oldest first in the queue: the seed shipment is screened before a later review case.
  const seed = await screen(t, SEED);
  assert.equal(seed.decision, 'block');
  seedId = seed.id;
  otherRef = `${SEED.reference}-LATER`;
  const later = await screen(t, {
    reference: otherRef,
    parties: [{ role: 'consignee', kind: 'organization', name: 'Nordlicht Handels GmbH', country: 'DE' }],
  });
  assert.notEqual(later.decision, 'clear');
  await screen(t, { reference: `${SEED.reference}-CLEAR`, parties: [{ name: 'Siemens AG', country: 'DE' }] });
  // A goods line an export licence covers: the detail names the licence (issue 20).
  const licence = await t
    .http()
    .post('/licences')
    .set(bearer(t.adminKey))
    .send({
      number: `LIC-${SEED.reference}`,
      authority: 'BAFA',
      regime: 'EU',
      goods: [{ controlNumber: '5A002' }],
      destination: 'BR',
      consignee: 'Rio Example Telecom Ltda',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    });
  assert.equal(licence.status, 201, licence.text);
  const licensed = await screen(t, {
    reference: `${SEED.reference}-LICENSED`,
    date: '2026-06-01',
    parties: [{ role: 'consignee', kind: 'organization', name: 'Rio Example Telecom Ltda', country: 'BR' }],
    goods: [{ controlNumber: '5A002.a.1', description: 'encryption modules' }],
    route: { origin: 'DE', destination: 'BR' },
  });
  licensedId = licensed.id;
  // A red flag (issue 22): the seed story's exporter profile with its registry and transaction facts.
  redFlagId = (await screen(t, { ...PROCESSORS_TO_RUSSIA, reference: `${SEED.reference}-REDFLAG` })).id;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server!.close(resolve));
  await t?.close();
});

async function signIn(key: string) {
  const page = browser!.page;
  await page.goto(`${base}/console/`);
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The text as the officer sees it, with layout whitespace between cells (textContent has none). */
// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node
const seen = (l: Locator) => l.innerText();

const shot = (name: string) =>
  browser!.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('the officer console in Chromium', { skip: skipWithoutChromium }, () => {
  test('/console redirects to the page, which loads only from this service', async () => {
    const page = browser!.page;
    const res = await page.goto(`${base}/console`);
    assert.equal(new URL(page.url()).pathname, '/console/');
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.getByLabel('API key').waitFor();
  });

  test('a wrong key gets a clear message and no session', async () => {
    await signIn('ts_live_this-key-does-not-exist-000000');
    await browser!.page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor();
    assert.equal(await browser!.page.evaluate(() => sessionStorage.length), 0);
    await shot('sign-in-wrong-key');
  });

  test('a key without audit:read is told which scope it lacks', async () => {
    await signIn(keys.screener.key);
    await browser!.page.getByRole('alert').filter({ hasText: 'audit:read' }).waitFor();
  });

  test('the queue shows what waits for review, oldest first, with the strongest finding', async () => {
    const page = browser!.page;
    // Signed in with the keyboard alone: the key field has focus after a Tab, Enter submits.
    await page.goto(`${base}/console/`);
    await page.locator('body').press('Tab');
    await page.keyboard.type(keys.reviewer.key);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'api-key');
    await page.keyboard.press('Enter');
    const rows = page.locator('table.data tbody tr');
    await rows.filter({ hasText: otherRef }).waitFor();
    const refs = await rows.locator('td:nth-child(3)').allInnerTexts();
    assert.ok(refs.indexOf(SEED.reference) >= 0, refs.join(', '));
    assert.ok(refs.indexOf(SEED.reference) < refs.indexOf(otherRef), `oldest first: ${refs.join(', ')}`);
    assert.ok(!refs.includes(`${SEED.reference}-CLEAR`), 'a clear screening waits for nobody');
    const seedRow = rows.filter({ has: page.getByRole('link', { name: SEED.reference, exact: true }) });
    assert.match(await seen(seedRow), /block[\s\S]*Kominvex d\.o\.o\.[\s\S]*OOO Bitteria/i);
    // The key stays out of every URL and out of localStorage.
    assert.ok(!page.url().includes(keys.reviewer.key));
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    await shot('queue');
  });

  test('a monitoring alert is reviewed from the queue with a note', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/#/queue`);
    const alertRow = page.locator('table.data tbody tr').filter({ hasText: '92001' });
    await alertRow.waitFor();
    await alertRow.getByText('Review this alert').click();
    await alertRow
      .getByLabel('Review note (required)')
      .fill('Same registration number; the alias is new: confirmed.');
    await alertRow.getByRole('button', { name: 'True match' }).click();
    // A final disposition resolves the alert, and the queue reloads without it.
    await alertRow.waitFor({ state: 'detached' });
    const alerts = await t!.http().get('/alerts').set(bearer(keys.reviewer.key));
    assertContract(alerts, 'listAlerts');
    const reviewed = alerts.body.items.find(
      (a: { finding: { entry?: { id: string } } }) => a.finding.entry?.id === '92001',
    );
    assert.equal(reviewed.reviewStatus, 'resolved');
  });

  test('the audit log finds the seed shipment by reference, and its detail explains each finding', async () => {
    const page = browser!.page;
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByLabel('Reference').fill(SEED.reference);
    await page.getByLabel('Decision').selectOption('block');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.locator('table.data tbody tr');
    await page.waitForFunction((ref) => {
      const r = [...document.querySelectorAll('table.data tbody tr')];
      return r.length === 1 && r[0]!.textContent!.includes(ref);
    }, SEED.reference);
    assert.equal(await rows.count(), 1);
    await shot('log');

    await page.getByRole('link', { name: SEED.reference }).click();
    await page.getByRole('heading', { name: /Findings/ }).waitFor();
    const exporter = page.locator('article.finding').filter({ hasText: 'KOMINVEX DOO BEOGRAD' });
    await exporter.locator('table.comparison').waitFor();
    const comparison = await seen(exporter.locator('table.comparison'));
    assert.match(comparison, /Name\s+Kominvex d\.o\.o\.\s+KOMINVEX DOO BEOGRAD/);
    assert.match(comparison, /RUSSIA-EO14024/);
    assert.match(comparison, /registration 21512345/);
    // The a.k.a. the engine matched on is the name marked, not the primary name.
    assert.equal(await seen(exporter.locator('mark')), 'KOMINVEX DOO');
    assert.match(await seen(exporter.locator('table.evidence')), /name\s+\d+%/i);
    await exporter
      .getByRole('link', { name: /at the authority/ })
      .first()
      .waitFor();
    const consignee = page.locator('article.finding').filter({ hasText: 'OOO BITTERIYA' });
    assert.equal(await seen(consignee.locator('mark')), 'OOO BITTERIYA');
    const goods = page.locator('article.finding').filter({ hasText: 'goods control' });
    assert.ok((await goods.count()) >= 1, 'the CHPL goods finding is shown');
    assert.match(await seen(page.locator('main')), /RS → RU/);
    assert.match(await seen(page.locator('main')), /us-ofac-sdn\s+used\s+2/);
  });

  test('a false positive is recorded with its note and appears in the review history', async () => {
    const page = browser!.page;
    const exporter = page.locator('article.finding').filter({ hasText: 'KOMINVEX DOO BEOGRAD' });
    // The note is mandatory: without one nothing is sent.
    await exporter.getByRole('button', { name: 'False positive' }).click();
    assert.equal(await page.locator('ol.history li').count(), 0);
    const note = 'Different company: Kominvex d.o.o. is registered in Novi Sad, MB 08765432, not Belgrade.';
    await exporter.getByLabel('Review note (required)').fill(note);
    await exporter.getByRole('button', { name: 'False positive' }).click();
    await exporter.getByRole('status').filter({ hasText: 'Recorded: False positive' }).waitFor();
    const entry = page.locator('ol.history li').filter({ hasText: note });
    await entry.waitFor();
    assert.match(await seen(entry), /False positive on KOMINVEX DOO BEOGRAD/);
    assert.match(await seen(entry), new RegExp(`key ${keys.reviewer.id}`));
    await shot('detail');
    await exporter.screenshot({ path: join(SCREENSHOTS, 'detail-finding.png') });

    const res = await t!
      .http()
      .get(`/screenings/${seedId}/reviews`)
      .set({ Authorization: `Bearer ${keys.reader.key}` });
    assert.equal(res.status, 200);
    assertContract(res, 'listScreeningReviews');
    assert.deepEqual(
      res.body.items.map((r: { disposition: string; note: string }) => [r.disposition, r.note]),
      [['false_positive', note]],
    );
    // Back to the log as the officer left it.
    await page.getByRole('link', { name: '← Audit log' }).click();
    await page.locator('table.data tbody tr').first().waitFor();
    assert.equal(await page.getByLabel('Reference').inputValue(), SEED.reference);
  });

  test('the CSV export of the current filter downloads with the key in a header, not the URL', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/#/log?reference=${encodeURIComponent(SEED.reference)}`);
    await page.locator('table.data tbody tr').filter({ hasText: SEED.reference }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export CSV/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^screenings-.*\.csv$/);
    assert.ok(!download.url().includes(keys.reviewer.key));
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    assert.match(lines[0]!, /^id,screenedAt,reference,decision/);
    // Three screenings exist; the export carries the filter, so only the seed shipment is in it.
    assert.equal(lines.length, 2, csv);
    const cells = lines[1]!.split(',');
    assert.deepEqual([cells[0], cells[2], cells[3]], [seedId, SEED.reference, 'block']);
    assert.match(lines[1]!, /Kominvex d\.o\.o\. \| OOO Bitteria/);
  });

  test('a licensed goods finding names its licence on the screening detail', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/#/screenings/${licensedId}`);
    const goods = page.locator('article.finding').filter({ hasText: 'Licensed under' });
    await goods.waitFor();
    assert.match(
      await seen(goods),
      new RegExp(`Licensed under LIC-${SEED.reference} \\(BAFA, EU, valid to 2026-12-31\\)`),
    );
    assert.match(await seen(goods), /5A002\.a\.1/);
    await shot('licensed');
  });

  test('a red flag shows the facts it used beside their values, and its guidance', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/#/screenings/${redFlagId}`);
    const flag = page.locator('article.finding').filter({ hasText: 'activity-changed-recently' });
    await flag.waitFor();
    const text = await seen(flag);
    assert.match(text, /activity changed on\s+2022-11-15/);
    assert.match(text, /months since change\s+7/);
    assert.ok(await flag.getByRole('link', { name: /FIN-2023-Alert004/ }).count());
  });

  test('the lists page shows each source, its version, counts, a quarantined version and the latest diff', async () => {
    await publishTruncatedList(t!);
    const page = browser!.page;
    await page.getByRole('link', { name: 'Lists', exact: true }).click();
    const sdn = page.locator('table.lists tbody tr').filter({ hasText: 'us-ofac-sdn' });
    await sdn.waitFor();
    assert.match(await seen(sdn), /active\s+v2[\s\S]*\s5\s/i);
    assert.match(await seen(sdn), /quarantined[\s\S]*v3: .*(drop|fell|entit)/i);
    await sdn.getByRole('link').first().click();
    const detail = page.locator('.source-detail');
    await detail.getByText('v3 (quarantined, not in use) against v2').waitFor();
    assert.match(await seen(detail), /Removed \(4\)[\s\S]*92001 KOMINVEX DOO BEOGRAD/);
    await shot('lists');
    assert.deepEqual(browser!.problems, []);
  });

  test("the lists page shows the tenant's own watchlists to a key that manages them", async () => {
    const made = await t!
      .http()
      .post('/watchlists')
      .set(bearer(t!.adminKey))
      .send({ name: 'Branch risk list', description: 'Flagged by the Belgrade branch' });
    assert.equal(made.status, 201, made.text);
    const page = browser!.page;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(t!.adminKey);
    await page.getByRole('link', { name: 'Lists', exact: true }).click();
    const own = page.locator('table.watchlists tbody tr').filter({ hasText: 'Branch risk list' });
    await own.waitFor();
    assert.match(await seen(own), new RegExp(`custom:${made.body.id}`));
    await shot('lists-watchlists');
    assert.deepEqual(browser!.problems, []);
  });

  test('a key without review reads the screening but gets no review buttons, and 403 from the API', async () => {
    const page = browser!.page;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(keys.reader.key);
    await page.goto(`${base}/console/#/screenings/${seedId}`);
    await page.locator('article.finding').first().waitFor();
    await page.getByText('no “review” scope').waitFor();
    assert.equal(await page.getByRole('button', { name: 'False positive' }).count(), 0);
    assert.equal(await page.locator('textarea').count(), 0);
    const status = await page.evaluate(
      async ({ id, key }) =>
        (
          await fetch(`/screenings/${id}/reviews`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ findingId: 'x', disposition: 'false_positive', note: 'not allowed' }),
          })
        ).status,
      { id: seedId, key: keys.reader.key },
    );
    assert.equal(status, 403);
  });

  test('a key revoked mid-session sends the officer back to sign-in with a message', async () => {
    const page = browser!.page;
    const res = await t!
      .http()
      .delete(`/keys/${keys.reader.id}`)
      .set({ Authorization: `Bearer ${t!.adminKey}` });
    assert.equal(res.status, 204);
    assertContract(res, 'revokeApiKey');
    await page.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('alert').filter({ hasText: 'session ended' }).waitFor();
    await page.getByLabel('API key').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  });
});
