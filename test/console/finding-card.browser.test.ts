import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { buildConsole } from '../../console/build.ts';
import { createApp } from '../../src/app.ts';
import { assertContract } from '../support/contract.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { type Browser, launchBrowser, SCREENSHOTS, skipWithoutChromium } from './browser.ts';
import { CONSOLE_SDN_ROWS, screen, seedShipment } from './seed.ts';

// The finding card as an officer uses it (issue 23): the decision's reason before the evidence, the aligned
// words marked on both sides of the comparison, and the remaining findings resolved with one note, signed by
// a named person.
let t: ScreeningTestApp | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let ada = { id: '', key: '' };
let screeningId = '';
const ADA = { name: 'Ada Lovelace', email: 'ada@example.com' };

before(async () => {
  if (skipWithoutChromium) return;
  await buildConsole();
  t = await startScreeningApp({ rows: CONSOLE_SDN_ROWS });
  server = createApp(t.container).listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const made = await t
    .http()
    .post('/keys')
    .set(bearer(t.adminKey))
    .send({ name: 'Ada', scopes: ['audit:read', 'review'], person: ADA });
  assertContract(made, 'createApiKey');
  ada = { id: made.body.id, key: made.body.key };
  const seed = seedShipment();
  const s = await screen(t, {
    ...seed,
    parties: [...seed.parties, { name: 'Ivan Sergeevich Petrov', kind: 'person', birthDate: '1960-03-12' }],
  });
  assert.equal(s.decision, 'block');
  screeningId = s.id;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server!.close(resolve));
  await t?.close();
});

// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node
const seen = (l: Locator) => l.innerText();
const shot = (name: string) =>
  browser!.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const card = (entryName: string) => browser!.page.locator('article.finding').filter({ hasText: entryName });

describe('the finding card in Chromium', { skip: skipWithoutChromium }, () => {
  test('the decision and its reasons come first, the request tables after the findings', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/`);
    await page.getByLabel('API key').fill(ada.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('nav').waitFor();
    // The officer sees whose name their reviews will carry.
    assert.equal(await seen(page.locator('header.top .who')), 'Ada Lovelace · reviewer');
    await page.goto(`${base}/console/#/screenings/${screeningId}`);
    const reason = page.locator('section.decision-reason');
    await reason.waitFor();
    assert.match(await seen(reason), /Why block/);
    assert.match(await seen(reason), /Consignee “OOO Bitteria” matches “OOO BITTERIYA”/);
    assert.match(await seen(reason), /Customer “Ivan Sergeevich Petrov” matches/);
    // Document order of the three parts (a string: tsx would wrap a named function in a helper the page lacks).
    const order = (await page.evaluate(`(() => {
      const all = [...document.querySelectorAll('main *')];
      const request = [...document.querySelectorAll('main h2')].find((h) => h.textContent === 'Request as sent');
      return {
        reason: all.indexOf(document.querySelector('main section.decision-reason')),
        finding: all.indexOf(document.querySelector('main article.finding')),
        request: all.indexOf(request),
      };
    })()`)) as { reason: number; finding: number; request: number };
    assert.ok(order.reason >= 0 && order.reason < order.finding, JSON.stringify(order));
    assert.ok(order.finding < order.request, `request tables below the findings: ${JSON.stringify(order)}`);
  });

  test('the aligned words are marked on both sides, and only those', async () => {
    const petrov = card('PETROV, Ivan Sergeevich');
    const name = petrov
      .locator('table.comparison tr')
      .filter({ has: browser!.page.getByRole('rowheader', { name: 'Name' }) });
    await name.waitFor();
    const [party, entry] = [name.locator('td').nth(0), name.locator('td').nth(1)];
    assert.deepEqual(await party.locator('.aligned').allInnerTexts(), ['Ivan', 'Sergeevich', 'Petrov']);
    assert.deepEqual(await entry.locator('.aligned').allInnerTexts(), ['PETROV', 'Ivan', 'Sergeevich']);
    assert.equal(
      await entry.locator('.aligned').first().getAttribute('title'),
      'aligned with “petrov” (exact)',
    );

    // Kominvex: "d.o.o." is a legal form and BEOGRAD is unmatched: neither is marked.
    const kominvex = card('KOMINVEX DOO BEOGRAD');
    const row = kominvex
      .locator('table.comparison tr')
      .filter({ has: browser!.page.getByRole('rowheader', { name: 'Name' }) });
    await row.waitFor();
    assert.deepEqual(await row.locator('td').nth(0).locator('.aligned').allInnerTexts(), ['Kominvex']);
    assert.deepEqual(await row.locator('td').nth(1).locator('.aligned').allInnerTexts(), ['KOMINVEX']);
    assert.match(await seen(row), /Kominvex d\.o\.o\.\s+KOMINVEX DOO BEOGRAD/);
    await shot('finding-card');
    await petrov.screenshot({ path: join(SCREENSHOTS, 'finding-card-aligned.png') });
  });

  test('one finding reviewed alone, then the remaining ones resolved with one note, each audited', async () => {
    const page = browser!.page;
    const before = await t!.http().get(`/screenings/${screeningId}`).set(bearer(ada.key));
    const findings = before.body.result.findings as { id: string; severity: string }[];
    const reviewable = findings.filter((f) => f.severity === 'review' || f.severity === 'block');
    assert.ok(reviewable.length >= 4, JSON.stringify(findings));

    const petrov = card('PETROV, Ivan Sergeevich');
    await petrov.getByLabel('Review note (required)').fill('Same name and date of birth: the listed person.');
    await petrov.getByRole('button', { name: 'True match' }).click();
    await petrov.getByRole('status').filter({ hasText: 'Recorded: True match' }).waitFor();

    const n = reviewable.length - 1;
    const bulk = page.locator('form.bulk-review');
    await bulk.getByRole('heading', { name: `Resolve the remaining ${n} findings` }).waitFor();
    await bulk
      .getByLabel(`Note for all ${n} findings (required)`)
      .fill('Order cancelled with the listed customer; the rest is moot.');
    await bulk.getByRole('button', { name: `True match: all ${n}` }).click();
    await bulk
      .getByRole('status')
      .filter({ hasText: `Recorded ${n} reviews: True match.` })
      .waitFor();
    await page.locator('h1 .badge.status-resolved').waitFor();
    const history = page.locator('ol.history li');
    assert.equal(await history.count(), 1 + n);
    assert.match(
      await seen(history.last()),
      new RegExp(`reviewed by Ada Lovelace <ada@example\\.com> \\(key ${ada.id}\\)`),
    );
    await shot('bulk-resolved');

    const reviews = await t!.http().get(`/screenings/${screeningId}/reviews`).set(bearer(ada.key));
    assertContract(reviews, 'listScreeningReviews');
    assert.deepEqual(
      reviews.body.items.map((r: { findingId: string }) => r.findingId).sort(),
      reviewable.map((f) => f.id).sort(),
    );
    const events = await t!.container.pool.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE type = 'screening.review' AND payload->>'screeningId' = $1`,
      [screeningId],
    );
    assert.equal(events.rows[0].n, reviewable.length, 'one audit event per finding');
    const verify = await t!.http().get('/audit/verify').set(bearer(ada.key));
    assertContract(verify, 'verifyAuditChain');
    assert.equal(verify.body.ok, true, JSON.stringify(verify.body.problems));
    assert.deepEqual(browser!.problems, []);
  });
});
