import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildConsole } from '../../console/build.ts';
import { createApp } from '../../src/app.ts';
import { type ScreeningTestApp, startScreeningApp } from '../support/screening-app.ts';
import { type Browser, launchBrowser, SCREENSHOTS, skipWithoutChromium } from './browser.ts';
import { createKey, screen } from './seed.ts';

// The ERP re-screens an order: the older screening left the queue, and the audit log and its detail page say
// it is superseded, not open work.
let t: ScreeningTestApp | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
let reader = '';
const reference = `PO-${randomBytes(4).toString('hex')}`;
let older = '';
let newer = '';

before(async () => {
  if (skipWithoutChromium) return;
  await buildConsole();
  t = await startScreeningApp();
  const party = { role: 'consignee', kind: 'organization', name: 'Nordlicht Handels GmbH', country: 'DE' };
  const first = await screen(t, { reference, parties: [party] });
  assert.notEqual(first.decision, 'clear');
  older = first.id;
  newer = (await screen(t, { reference, parties: [party] })).id;
  server = createApp(t.container).listen(0, '127.0.0.1');
  await new Promise((r) => server!.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  reader = (await createKey(t, 'auditor', ['audit:read'])).key;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((r) => server!.close(r));
  await t?.close();
});

const rowOf = (id: string) =>
  browser!.page
    .locator('table.data tbody tr')
    .filter({ has: browser!.page.locator(`a[href="#/screenings/${id}"]`) });

describe('a superseded screening in Chromium', { skip: skipWithoutChromium }, () => {
  test('the audit log lists it as superseded, and its filter finds it alone', async () => {
    const page = browser!.page;
    await page.goto(`${base}/console/`);
    await page.getByLabel('API key').fill(reader);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.goto(`${base}/console/#/log?reference=${encodeURIComponent(reference)}`);
    await rowOf(older).waitFor();
    assert.equal(await rowOf(older).locator('.badge.status-superseded').textContent(), 'superseded');
    assert.equal(await rowOf(newer).locator('.badge.status-open').textContent(), 'open');
    await page.screenshot({ path: join(SCREENSHOTS, 'superseded-log.png'), fullPage: true });

    await page.getByLabel('Review status').selectOption('superseded');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/reviewStatus=superseded/);
    await rowOf(newer).waitFor({ state: 'detached' });
    assert.equal(await page.locator('table.data tbody tr').count(), 1);
    assert.equal(await rowOf(older).count(), 1);
    assert.deepEqual(browser!.problems, []);
  });

  test('its page says superseded at the top and links to the newer screening', async () => {
    const page = browser!.page;
    await rowOf(older).getByRole('link').click();
    const heading = page.getByRole('heading', { level: 1 });
    await heading.locator('.badge.status-superseded').waitFor();
    assert.equal(await heading.locator('.badge.status-superseded').textContent(), 'superseded');
    await page.getByRole('link', { name: 'a newer screening of this reference' }).click();
    await page.waitForURL(new RegExp(`#/screenings/${newer}$`));
    await page.getByRole('heading', { level: 1 }).locator('.badge.status-open').waitFor();
    assert.deepEqual(browser!.problems, []);
  });
});
