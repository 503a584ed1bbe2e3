import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHIPPED_LIST_IDS } from '../../src/goods/index.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { DEFAULT_EVALUATION_BUDGET_MS } from '../../src/parties/index.ts';
import { startTestApp, type TestApp } from './test-app.ts';

/** Invented SDN entries in OFAC's legacy CSV layout (12 columns, -0- for null). */
export const FIXTURE_SDN_ROWS = [
  '91001,"OOO ZVEZDA MIKROELEKTRONIKA",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Tax ID No. 7701234567 (Russia); Registration Number 1027700000001 (Russia)."',
  '91002,"PETROV, Ivan Sergeevich","individual","RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 12 Mar 1960; nationality Russia."',
  '91003,"NORDLICHT HANDELS GMBH",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Registration Number HRB 123456 (Germany)."',
];

/** A shipment that the fixture SDN entry 91001 and the CHPL block: a listed consignee, processors, RS → RU. */
export const FIXTURE_BLOCKED_SHIPMENT = {
  reference: 'PO-1',
  parties: [
    { role: 'exporter', kind: 'organization', name: 'Harmless Export d.o.o.', country: 'RS' },
    { role: 'consignee', kind: 'organization', name: 'ООО Звезда Микроэлектроника', country: 'RU' },
  ],
  // US-origin: the EAR bind a Serbian exporter through the goods (src/goods/jurisdiction.ts).
  goods: [{ code: '8542 31 90', description: 'processors', originCountry: 'US' }],
  route: { origin: 'RS', destination: 'RU' },
};

/** The service's own screening budget, for tests of abuse and of the budget itself (see startScreeningApp). */
export const ABUSE_BUDGET_ENV = { SCREEN_CPU_BUDGET_MS: String(DEFAULT_EVALUATION_BUDGET_MS) };

export interface ScreeningTestApp extends TestApp {
  sdnDir: string;
}

/**
 * The real app with a small invented OFAC SDN file and the shipped control lists, refreshed through the real
 * pipeline and swapped into the in-memory snapshot. `extraSources` are enabled but never loaded.
 */
export async function startScreeningApp(
  opts: { rows?: string[]; addresses?: string[]; extraSources?: string[]; env?: Record<string, string> } = {},
): Promise<ScreeningTestApp> {
  const sdnDir = await mkdtemp(join(tmpdir(), 'tradescreen-sdn-'));
  await writeFile(join(sdnDir, 'sdn.csv'), `${(opts.rows ?? FIXTURE_SDN_ROWS).join('\r\n')}\r\n\u001a`);
  // add.csv rows (ent_num, add_num, address, city/state/postal, country, remarks), as OFAC publishes them.
  if (opts.addresses) await writeFile(join(sdnDir, 'add.csv'), `${opts.addresses.join('\r\n')}\r\n`);
  const app = await startTestApp({
    LISTS_ENABLED: ['us-ofac-sdn', ...SHIPPED_LIST_IDS, ...(opts.extraSources ?? [])].join(','),
    LIST_SOURCE_US_OFAC_SDN: sdnDir,
    // Test files run two at a time (package.json). A cold process's first screening took 164-208 ms of wall time
    // beside two busy loops, and the budget's clock is the wall's (parties/cpu-budget.ts): with another file and a
    // browser on the cores it can pass 250 ms, and the party is answered `screening_incomplete` (review). Right
    // for the service, not what a test of another subject asserts (CI: the dashboard's SDN hit went missing). The
    // budget's own tests and the abuse app set the default back (ABUSE_BUDGET_ENV).
    SCREEN_CPU_BUDGET_MS: '2000',
    ...opts.env,
  });
  try {
    for (const id of ['us-ofac-sdn', ...SHIPPED_LIST_IDS]) {
      const source = app.container.lists.catalog.get(id);
      assert.ok(source, id);
      const outcome = await refreshSource(app.container.lists.refreshDeps, source);
      assert.equal(outcome.outcome, 'activated', `${id}: ${outcome.detail}`);
    }
    await app.container.lists.active.refresh();
  } catch (err) {
    // A half-started app would keep the test process alive after the failure.
    await app.close();
    await rm(sdnDir, { recursive: true, force: true });
    throw err;
  }
  const close = app.close;
  return {
    ...app,
    sdnDir,
    async close() {
      await close();
      await rm(sdnDir, { recursive: true, force: true });
    },
  };
}
