import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildConsole } from '../../console/build.ts';
import { createApp } from '../../src/app.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import {
  FIXTURE_BLOCKED_SHIPMENT,
  type ScreeningTestApp,
  startScreeningApp,
} from '../support/screening-app.ts';
import { bearer } from '../support/test-app.ts';
import { type Browser, launchBrowser, SCREENSHOTS, skipWithoutChromium } from './browser.ts';
import { createKey, screen } from './seed.ts';

// The dashboard in a real Chromium: charts drawn by the bundled uPlot under the service's CSP, and the same
// numbers in tables for screen readers.
const DAY = 86_400_000;
let t: ScreeningTestApp | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let unDir = '';
let reader = '';
const consoleErrors: string[] = [];

before(async () => {
  if (skipWithoutChromium) return;
  await buildConsole();
  // A UN list published 40 days ago, so the freshness chart has a publication date to age.
  unDir = await mkdtemp(join(tmpdir(), 'tradescreen-un-'));
  const published = new Date(Date.now() - 40 * DAY).toISOString();
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

  // Today: one block (an SDN hit), one clear. Two days ago: two review screenings still open.
  const blocked = (await screen(t, FIXTURE_BLOCKED_SHIPMENT)) as Awaited<ReturnType<typeof screen>> & {
    findings: { id: string }[];
  };
  assert.equal(blocked.decision, 'block');
  const review = await t
    .http()
    .post(`/screenings/${blocked.id}/reviews`)
    .set(bearer(t.adminKey))
    .send({ findingId: blocked.findings[0]!.id, disposition: 'true_match', note: 'Listed consignee.' });
  assert.equal(review.status, 201, review.text);
  assert.equal((await screen(t, { parties: [{ name: 'Siemens AG', country: 'DE' }] })).decision, 'clear');
  const past = new Date(Date.now() - 2 * DAY).toISOString();
  for (let i = 0; i < 2; i++) {
    const id = randomUUID();
    // A UN match (an entry named, at review) is a hit of the UN list; the red flag beside it is not a hit.
    const result = {
      findings: [
        { id: 'f0', kind: 'red_flag', severity: 'review', reason: 'invented' },
        {
          id: 'f1',
          kind: 'party_match',
          severity: 'review',
          source: 'un-sc',
          entry: { id: 'QDe.999', name: 'INVENTED TRADING' },
          reason: 'invented',
        },
      ],
    };
    await t.container.pool.query(
      `INSERT INTO screenings (id, tenant_id, api_key_id, decision, screened_at, policy_version, request, result,
         party_names, sources, entry_ids, request_hash, audit_seq)
       VALUES ($1, 'default', 'k', 'review', $2, 1, '{"parties":[]}', $3, '', '{un-sc}', '{}', 'h', 1)`,
      [id, past, JSON.stringify(result)],
    );
    await t.container.pool.query(
      `INSERT INTO screening_review_state (screening_id, tenant_id, screened_at, status, outcome, updated_at)
       VALUES ($1, 'default', $2, 'open', NULL, $2)`,
      [id, past],
    );
  }
  server = createApp(t.container).listen(0, '127.0.0.1');
  await new Promise((r) => server!.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  reader = (await createKey(t, 'manager', ['audit:read'])).key;
  browser = await launchBrowser();
  // Every console error counts here, not only CSP reports: a chart that throws or a missing asset is a failure.
  browser.page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server!.close(r));
  await t?.close();
  if (unDir) await rm(unDir, { recursive: true, force: true });
});

const rowOf = (id: string, name: string) =>
  browser!.page.locator(`[data-chart="${id}"] .chart-numbers tbody tr`).filter({ hasText: name });

async function cells(id: string, name: string): Promise<string[]> {
  const row = rowOf(id, name);
  return (await row.locator('td').allTextContents()).map((s) => s.trim());
}

describe('the dashboard in Chromium', { skip: skipWithoutChromium }, () => {
  test('draws every chart from the bundle, with headings, summaries and the numbers as tables', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/`);
    await page.getByLabel('API key').fill(reader);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();

    for (const [id, title] of [
      ['volume', 'Screenings, decisions and reviews per day'],
      ['hits', 'Hits by list'],
      ['kinds', 'Findings by kind'],
      ['backlog', 'Open backlog by age'],
      ['freshness', 'List versions and freshness'],
    ] as const) {
      const card = page.locator(`[data-chart="${id}"]`);
      await card.getByRole('heading', { name: title, level: 2 }).waitFor();
      // uPlot drew: a canvas with pixels, inside an element that speaks a summary.
      await card.locator('.chart canvas').waitFor();
      const label = await card.locator('.chart').getAttribute('aria-label');
      assert.ok(label && label.length > 20, `${id}: ${label}`);
      assert.equal(await card.locator('.chart').getAttribute('role'), 'img');
      const size = await card
        .locator('.chart canvas')
        .evaluate((c: HTMLCanvasElement) => [c.width, c.height] as const);
      assert.ok(size[0] > 300 && size[1] > 100, `${id} canvas ${size}`);
    }

    const today = new Date().toISOString().slice(0, 10);
    const twoDaysAgo = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10);
    assert.deepEqual(await cells('volume', today), ['2', '1', '0', '1', '1']);
    assert.deepEqual(await cells('volume', twoDaysAgo), ['2', '0', '2', '0', '0']);
    assert.deepEqual(await cells('hits', 'un-sc'), ['2']);
    assert.deepEqual(await cells('hits', 'us-ofac-sdn'), ['1']);
    assert.deepEqual(await cells('kinds', 'red_flag'), ['2']);
    assert.deepEqual(await cells('backlog', '1 to 3 days'), ['2', '0']);
    // Today's block is open or, its first finding reviewed, in review: either way one case under a day old.
    const young = await cells('backlog', 'under 1 day');
    assert.equal(Number(young[0]) + Number(young[1]), 1, young.join(' '));
    assert.match(
      (await page.locator('[data-chart="volume"] .chart').getAttribute('aria-label')) ?? '',
      /^4 screenings in the last 30 days .*: 1 clear, 2 review, 1 block; 1 officer reviews\./,
    );
    // The UN list's publication date is 40 days old: its age is drawn and stated.
    assert.match((await rowOf('freshness', 'un-sc').textContent()) ?? '', /v1 from .* \(in use\), published/);

    // The tables are read by screen readers from the start; an officer opens one to see it.
    const volume = page.locator('[data-chart="volume"]');
    assert.equal(await volume.locator('.chart-numbers').getAttribute('class'), 'chart-numbers sr-only');
    await volume.getByRole('button', { name: 'Show the numbers' }).click();
    assert.equal(
      await volume.getByRole('button', { name: 'Hide the numbers' }).getAttribute('aria-pressed'),
      'true',
    );
    assert.ok(await volume.getByRole('table', { name: /Screenings per day/ }).isVisible());

    // uPlot's own stylesheet came in the console's one stylesheet (its legend is laid out as a table row).
    assert.equal(
      await volume.locator('.u-legend').evaluate((el) => getComputedStyle(el).textAlign),
      'center',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    assert.deepEqual(browser!.problems, []);
    assert.deepEqual(consoleErrors, []);
  });

  test('a period is chosen from the page and kept in its address', async () => {
    const page = browser!.page;
    await page.getByRole('link', { name: '7 days' }).click();
    await page.waitForURL(/#\/dashboard\?days=7$/);
    await page
      .locator('[data-chart="volume"] .chart[aria-label^="4 screenings in the last 7 days"]')
      .waitFor();
    assert.equal(await page.locator('[data-chart="volume"] .chart-numbers tbody tr').count(), 7);
    assert.deepEqual(consoleErrors, []);
  });
});
