import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { buildConsole } from '../../console/build.ts';
import { createApp } from '../../src/app.ts';
import { PUBLICATION_LIMITS } from '../../src/lists/freshness/publication-freshness.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { assertContract } from '../support/contract.ts';
import {
  FIXTURE_BLOCKED_SHIPMENT,
  type ScreeningTestApp,
  startScreeningApp,
} from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { type Browser, launchBrowser, SCREENSHOTS, skipWithoutChromium } from './browser.ts';
import { createKey, screen } from './seed.ts';

// Issue 23, must show 3: a list whose authority publication date is past its source's limit is shown stale
// everywhere the console shows lists. The UN file is aged 15 days past its limit; the SDN file (legacy CSV,
// which carries no publication date) and the control lists are not judged by publication, so they stay fresh
// beside it and the test sees the difference, not a page that calls everything stale.
const DAY = 86_400_000;
const UN_LIMIT = PUBLICATION_LIMITS.get('un-sc')?.maxAgeDays ?? 0;
const UN_TITLE = 'UN Security Council Consolidated List';
let t: ScreeningTestApp | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let unDir = '';
let officer = '';
let screeningId = '';
let unMatchId = '';
/** GET /lists's own words for why the UN list is stale: the console must show these, not its own. */
let reason = '';

before(async () => {
  if (skipWithoutChromium) return;
  assert.ok(UN_LIMIT > 0, 'un-sc has a publication limit');
  await buildConsole();
  unDir = await mkdtemp(join(tmpdir(), 'tradescreen-un-stale-'));
  const published = new Date(Date.now() - (UN_LIMIT + 15) * DAY).toISOString();
  const xml = await readFile(resolve(import.meta.dirname, '../fixtures/un-sc/consolidated.xml'), 'utf8');
  await writeFile(
    join(unDir, 'consolidated.xml'),
    xml.replace(/dateGenerated="[^"]*"/, `dateGenerated="${published}"`),
  );
  t = await startScreeningApp({
    extraSources: ['un-sc'],
    env: { LIST_SOURCE_UN_SC: join(unDir, 'consolidated.xml') },
  });
  const un = t.container.lists.catalog.get('un-sc');
  assert.ok(un);
  const outcome = await refreshSource(t.container.lists.refreshDeps, un);
  assert.equal(outcome.outcome, 'activated', outcome.detail ?? undefined);
  await t.container.lists.active.refresh();
  // Held for its SDN consignee: the UN list matched nothing, but the screening used it while stale.
  screeningId = (await screen(t, FIXTURE_BLOCKED_SHIPMENT)).id;
  // And one that matches the stale UN list itself: a real hit of it, which its staleness must not hide.
  const unMatch = await screen(t, {
    reference: 'PO-UN',
    parties: [
      { role: 'consignee', kind: 'organization', name: 'Northern Lakes Trading Company', country: 'CD' },
    ],
  });
  assert.notEqual(unMatch.decision, 'clear');
  unMatchId = unMatch.id;
  server = createApp(t.container).listen(0, '127.0.0.1');
  await new Promise((r) => server!.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  officer = (await createKey(t, 'officer', ['audit:read', 'review'])).key;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server!.close(r));
  await t?.close();
  if (unDir) await rm(unDir, { recursive: true, force: true });
});

// biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator, not a DOM node
const seen = (l: Locator) => l.innerText();
const shot = (name: string) =>
  browser!.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('a list past its publication limit is shown stale everywhere', { skip: skipWithoutChromium }, () => {
  test('the API: GET /lists says stale with the reason, /readyz is degraded and names it', async () => {
    const res = await t!.http().get('/lists').set(bearer(officer));
    assert.equal(res.status, 200, res.text);
    assertContract(res, 'listSources');
    const items = res.body.items as { id: string; stale: boolean; staleReason?: string }[];
    const un = items.find((s) => s.id === 'un-sc');
    assert.equal(un?.stale, true);
    assert.match(
      un?.staleReason ?? '',
      new RegExp(`, ${UN_LIMIT + 15} days ago; .*more than ${UN_LIMIT} days`),
    );
    reason = un!.staleReason!;
    assert.equal(items.find((s) => s.id === 'us-ofac-sdn')?.stale, false);

    const ready = await t!.http().get('/readyz');
    assertContract(ready, 'getReadiness');
    assert.equal(ready.status, 200);
    assert.equal(ready.body.degraded, true);
    const lists = (ready.body.checks as { name: string; detail?: string }[]).find((c) => c.name === 'lists');
    assert.match(lists?.detail ?? '', /un-sc published/);
    assert.doesNotMatch(lists?.detail ?? '', /us-ofac-sdn/);

    // Every screening carries the UN list's note, yet the queue files each under the lists it hit only.
    const queued = async (source: string) => {
      const q = await t!.http().get('/queue').query({ source }).set(bearer(officer));
      assert.equal(q.status, 200, q.text);
      assertContract(q, 'listQueue');
      return (q.body.items as { screeningId: string; sources: string[] }[]).map((i) => [
        i.screeningId,
        i.sources,
      ]);
    };
    assert.deepEqual(await queued('un-sc'), [[unMatchId, ['un-sc']]]);
    const [held] = await queued('us-ofac-sdn');
    assert.equal(held?.[0], screeningId);
    // Its SDN match, the EAR Supp. No. 4 row (HS chapter 85), the CHPL goods rule and the embargo route are
    // hits; the note on the stale un-sc is not.
    assert.deepEqual(held?.[1], ['us-ofac-sdn', 'us-746-supp-4', 'chpl', 'embargoes']);
  });

  test('the lists page: a stale badge and the reason on its row and on its own page', async () => {
    assert.ok(reason, 'the API test ran first');
    const page = browser!.page;
    await page.goto(`${base}/console/`);
    await page.getByLabel('API key').fill(officer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Lists', exact: true }).click();
    const rowOf = (title: string) => page.locator('table.lists tbody tr').filter({ hasText: title });
    await rowOf(UN_TITLE).waitFor();
    const un = rowOf(UN_TITLE);
    assert.equal(await un.locator('.badge.stale').textContent(), 'stale');
    assert.equal(await un.locator('.badge.stale').getAttribute('title'), reason);
    assert.equal(await un.locator('.stale-reason').textContent(), reason);
    assert.equal(await rowOf('us-ofac-sdn').locator('.badge.stale').count(), 0);
    await shot('stale-lists');

    // The page a finding's list link opens says so as well.
    await un.getByRole('link', { name: UN_TITLE }).click();
    const detail = page.locator('.source-detail');
    await detail.getByRole('heading', { name: UN_TITLE }).waitFor();
    assert.equal(await detail.locator('h2 .badge.stale').textContent(), 'stale');
    const notice = await seen(detail.locator('.stale-notice'));
    assert.ok(notice.startsWith(`This list is stale: ${reason}.`), notice);
    await shot('stale-list-source');
    assert.deepEqual(browser!.problems, []);
  });

  test('the dashboard: stale in the freshness chart and table, and no hits it never had', async () => {
    const page = browser!.page;
    await page.getByRole('link', { name: 'Dashboard' }).click();
    const card = page.locator('[data-chart="freshness"]');
    await card.getByRole('heading', { name: 'List versions and freshness', level: 2 }).waitFor();
    assert.match(await seen(card.locator('.chart-summary')), new RegExp(`stale now: ${UN_TITLE}\\.$`));
    assert.match((await card.locator('.chart').getAttribute('aria-label')) ?? '', /stale now: UN Security/);
    // The chart's legend names the stale list so, not only its dashed line.
    assert.ok((await seen(card.locator('.u-legend'))).includes('un-sc (stale)'));
    await card.getByRole('button', { name: 'Show the numbers' }).click();
    const row = (name: string) => card.locator('.chart-numbers tbody tr').filter({ hasText: name });
    assert.equal(await row('un-sc').locator('.badge').textContent(), 'stale');
    assert.ok((await seen(row('un-sc'))).includes(reason));
    assert.equal(await row('us-ofac-sdn').locator('.badge').textContent(), 'fresh');

    // Both screenings carry the UN list's stale note; only the one that matched a UN entry is a UN hit.
    const hits = page.locator('[data-chart="hits"] .chart-numbers tbody tr');
    assert.deepEqual(
      (await hits.filter({ hasText: 'us-ofac-sdn' }).locator('td').allTextContents()).map((s) => s.trim()),
      ['1'],
    );
    assert.deepEqual(
      (await hits.filter({ hasText: 'un-sc' }).locator('td').allTextContents()).map((s) => s.trim()),
      ['1'],
    );
    await card.scrollIntoViewIfNeeded();
    await row('un-sc').scrollIntoViewIfNeeded();
    await shot('stale-dashboard');
    assert.deepEqual(browser!.problems, []);
  });

  test('the screening: its list_coverage finding, and the version used marked stale as it was', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/#/screenings/${screeningId}`);
    const card = page.locator('article.finding').filter({ hasText: 'list coverage · un-sc' });
    await card.waitFor();
    assert.equal(await card.locator('.badge').first().textContent(), 'info');
    assert.equal(await seen(card.locator('.reason')), `The ${UN_TITLE} used is stale: ${reason}.`);
    const used = page.locator('table.versions-used tbody tr').filter({ hasText: 'un-sc' });
    assert.equal(await used.locator('.badge.stale').textContent(), 'stale');
    assert.equal(
      await used.locator('.badge.stale').getAttribute('title'),
      `The ${UN_TITLE} used is stale: ${reason}.`,
    );
    const sdn = page.locator('table.versions-used tbody tr').filter({ hasText: 'us-ofac-sdn' });
    assert.equal(await sdn.locator('.badge.stale').count(), 0);
    await shot('stale-screening');
    // The SDN match's card names no stale list: its list is not stale.
    const sdnCard = page.locator('article.finding').filter({ hasText: 'party match · us-ofac-sdn' });
    assert.equal(await sdnCard.locator('.badge.stale').count(), 0);

    // A match on the stale list says so on its own card: the entry may have changed since publication.
    await page.goto(`${base}/console/#/screenings/${unMatchId}`);
    const unCard = page.locator('article.finding').filter({ hasText: 'party match · un-sc' });
    await unCard.waitFor();
    assert.equal(await unCard.locator('h3 .badge.stale').textContent(), 'stale list');
    assert.equal(
      await unCard.locator('h3 .badge.stale').getAttribute('title'),
      `The ${UN_TITLE} used is stale: ${reason}.`,
    );
    await shot('stale-match');

    // The audit log's list filter names it stale too.
    await page.goto(`${base}/console/#/log`);
    // The options come with GET /lists, after the form: wait for the sources, not for any option.
    await page
      .getByLabel('List')
      .locator('option', { hasText: 'us-ofac-sdn' })
      .waitFor({ state: 'attached' });
    const options = await page.getByLabel('List').locator('option').allTextContents();
    assert.ok(options.includes('un-sc (stale)'), options.join(', '));
    assert.ok(options.includes('us-ofac-sdn'), options.join(', '));
    assert.deepEqual(browser!.problems, []);
  });
});
