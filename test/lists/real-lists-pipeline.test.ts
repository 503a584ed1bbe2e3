import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { assertContract } from '../support/contract.ts';
import { listFile, skipWithoutLists } from '../support/lists-dir.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

/** Where each source's real file lives under LISTS_DIR, and the entity count PROVENANCE.md gives for it. */
const REAL: Record<string, { path: string; total: number }> = {
  'us-ofac-sdn': { path: 'ofac_sdn', total: 14_965 },
  'us-ofac-cons': { path: 'ofac_cons', total: 442 },
  'eu-oj': { path: 'eu_oj_opensanctions', total: 8_424 },
  'un-sc': { path: 'un_sc/UN_consolidated.xml', total: 1_003 },
  'uk-hmt': { path: 'uk_ofsi/UK_Sanctions_List.xlsx', total: 4_686 }, // Group IDs
  'us-csl': { path: 'us_csl/consolidated.csv.gz', total: 14_159 }, // 14,160 rows, one exact duplicate
  'us-bis-dpl': { path: 'us_bis_dpl/dpl.txt', total: 547 }, // orders, from 665 rows
  // 17 screenable entities in zala + 6 in t1_eu_fsf, as the opensanctions source tests establish.
  opensanctions: { path: 'opensanctions_ftm', total: 23 },
};

const envVar = (id: string) => `LIST_SOURCE_${id.toUpperCase().replaceAll('-', '_')}`;

describe('the real lists through the whole refresh pipeline', { skip: skipWithoutLists }, () => {
  let t: TestApp;
  before(async () => {
    const env: Record<string, string> = {};
    for (const [id, { path }] of Object.entries(REAL)) env[envVar(id)] = listFile(path);
    t = await startTestApp(env);
  });
  after(async () => {
    await t?.close();
  });

  const get = async (path: string, operationId: string) => {
    const res = await t.http().get(path).set(bearer(t.adminKey));
    assertContract(res, operationId);
    assert.equal(res.status, 200, res.text);
    return res.body;
  };

  test('each source activates version 1 with the published counts; a second refresh makes none', async () => {
    for (const id of Object.keys(REAL)) {
      const r = await refreshSource(t.container.lists.refreshDeps, t.container.lists.catalog.get(id)!);
      assert.deepEqual([id, r.outcome, r.version], [id, 'activated', 1], `${id}: ${r.detail}`);
    }
    const { items } = await get('/lists', 'listSources');
    for (const [id, { total }] of Object.entries(REAL)) {
      const s = items.find((x: { id: string }) => x.id === id);
      assert.equal(s?.status, 'active', id);
      assert.equal(s.activeVersion.version, 1, id);
      assert.equal(s.activeVersion.counts.total, total, id);
    }
    const csl = items.find((x: { id: string }) => x.id === 'us-csl').activeVersion.counts;
    assert.deepEqual([csl.recordsSeen, csl.recordsSkipped], [14_160, 1]);
    const dpl = items.find((x: { id: string }) => x.id === 'us-bis-dpl').activeVersion.counts;
    assert.equal(dpl.recordsSeen, 665);

    for (const id of Object.keys(REAL)) {
      const again = await refreshSource(t.container.lists.refreshDeps, t.container.lists.catalog.get(id)!);
      assert.deepEqual([id, again.outcome, again.version], [id, 'unchanged', null]);
      const { items: versions } = await get(`/lists/${id}/versions`, 'listSourceVersions');
      assert.equal(versions.length, 1, id);
    }
  });

  test('the seed entries are found by id in the active versions', async () => {
    for (const entryId of ['44823', '47483', '47485', '47486', '44216', '47201']) {
      const e = await get(`/lists/us-ofac-sdn/entries/${entryId}`, 'getListEntry');
      assert.deepEqual([e.source, e.entryId], ['us-ofac-sdn', entryId]);
    }
    const kominvex = await get(
      `/lists/eu-oj/entries/${encodeURIComponent('32014R0833:IV:689')}`,
      'getListEntry',
    );
    assert.match(kominvex.name, /kominvex/i);
    const soha = await get(`/lists/eu-oj/entries/${encodeURIComponent('32014R0833:IV:690')}`, 'getListEntry');
    assert.match(soha.name, /soha info/i);
  });
});
