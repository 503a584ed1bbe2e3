import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type ActiveLists, createActiveLists } from '../../../src/lists/active/active-lists.ts';
import type { ListSnapshot } from '../../../src/lists/active/list-snapshot.ts';
import { refreshSource } from '../../../src/lists/refresh/refresh-source.ts';
import { createLogger } from '../../../src/logger.ts';
import type { IndexBuilder } from '../../../src/parties/index.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { FILLER, sdnFixtureDir, sdnRow } from '../support/sdn-fixture.ts';

const SDN = 'us-ofac-sdn';
const letters = (i: number) =>
  [i % 26, Math.floor(i / 26) % 26, Math.floor(i / 676) % 26]
    .map((k) => String.fromCharCode(65 + k))
    .join('');
/** Enough entities that building their index takes hundreds of checkpoints (one per 8 entities). */
const MANY = Array.from({ length: 2000 }, (_, i) => sdnRow(93001 + i, `VORTELIX ${letters(i)} HOLDING LLC`));
const FIRST = sdnRow(92101, 'QUARNETH DYNAMICS SHIPPING LTD');
const SECOND = sdnRow(92102, 'BRELLOVAN AEROSPACE WORKS OJSC');

const finds = (s: ListSnapshot, name: string, entryId: string) =>
  s.partyIndex.search({ name }).some((h) => h.entryId === entryId);

describe('the active snapshot during an activation', () => {
  let t: TestApp;
  let sdn: Awaited<ReturnType<typeof sdnFixtureDir>>;
  const activate = async (rows: string[], version: number) => {
    await sdn.writeRows([...sdn.baseRows, ...FILLER, ...MANY, ...rows]);
    const r = await refreshSource(t.container.lists.refreshDeps, t.container.lists.catalog.get(SDN)!);
    assert.deepEqual([r.outcome, r.version], ['activated', version], r.detail ?? '');
  };
  /** Each with an index process of its own, killed when the tests end. */
  const opened: ActiveLists[] = [];
  const activeLists = (store = t.container.lists.store, builder?: IndexBuilder) => {
    const active = createActiveLists({
      store,
      log: createLogger('silent'),
      isControlList: t.container.lists.catalog.isControlList,
      // Yield at every checkpoint: the turns the test counts then depend on the data, not the machine's speed.
      sliceMs: 0,
      builder,
    });
    opened.push(active);
    return active;
  };

  before(async () => {
    sdn = await sdnFixtureDir();
    t = await startTestApp({ LIST_SOURCE_US_OFAC_SDN: sdn.dir });
    await activate([], 1);
  });
  after(async () => {
    for (const active of opened) await active.close();
    await t?.close();
    if (sdn) await rm(sdn.dir, { recursive: true, force: true });
  });

  test('screenings issued after an activation began are answered from the old snapshot until the new one is swapped in whole', async () => {
    const active = activeLists();
    const old = await active.refresh();
    assert.equal(old.versions.get(SDN)?.version, 1);
    assert.equal(finds(old, 'Quarneth Dynamics Shipping', '92101'), false);
    await activate([FIRST], 2);

    let settled = false;
    const swapping = active.refresh().finally(() => {
      settled = true;
    });
    // One screening on each turn of the event loop while the activation runs.
    const answered: { snapshot: ListSnapshot; found: boolean }[] = [];
    while (!settled) {
      const snapshot = active.current();
      answered.push({ snapshot, found: finds(snapshot, 'Quarneth Dynamics Shipping', '92101') });
      await nextTurn();
    }
    const built = await swapping;

    // Reading version 2 from PostgreSQL takes a few turns (7 when the build held the loop). Its 2,000+ entities
    // go into a table in slices (a turn per 64 at sliceMs 0) and the index builds in a child process, whose
    // start alone (loading the matching code) leaves the loop free for far more than the turns counted here.
    assert.ok(answered.length >= 250, `only ${answered.length} screenings answered during the activation`);
    assert.ok(
      answered.every((a) => a.snapshot === old && !a.found),
      'every screening during the activation saw the old snapshot, whole',
    );
    assert.equal(active.current(), built);
    assert.equal(built.versions.get(SDN)?.version, 2);
    assert.equal(finds(built, 'Quarneth Dynamics Shipping', '92101'), true);
    // A party list's activation changes no control rule: the goods engine keeps its rule index.
    assert.equal(built.controlItems, old.controlItems);
  });

  test('when the index process cannot build, the index is built on the event loop in slices and swapped in', async () => {
    let asked = 0;
    const broken: IndexBuilder = {
      build: async () => {
        asked++;
        throw new Error('spawn node ENOENT');
      },
      pid: () => undefined,
      close: () => {},
    };
    const active = activeLists(undefined, broken);
    const built = await active.refresh();
    assert.equal(asked, 1);
    assert.equal(active.current(), built);
    assert.equal(built.versions.get(SDN)?.version, 2);
    assert.equal(finds(built, 'Quarneth Dynamics Shipping', '92101'), true);
  });

  test('an activation that arrives while another is being built ends on the newest version', async () => {
    // The real store, with a gate after the first read of the active versions: the test activates version 3
    // between that read and the build, so the two activations overlap however fast the machine is.
    let reached!: () => void;
    let release!: () => void;
    const readDone = new Promise<void>((r) => {
      reached = r;
    });
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let reads = 0;
    const real = t.container.lists.store;
    const active = activeLists({
      ...real,
      async allActive() {
        const rows = await real.allActive();
        if (++reads === 2) {
          reached();
          await gate;
        }
        return rows;
      },
    });
    assert.equal((await active.refresh()).versions.get(SDN)?.version, 2);

    const first = active.refresh(); // reads version 2 as active, then waits at the gate
    await readDone;
    await activate([FIRST, SECOND], 3);
    const second = active.refresh();
    release();
    const [a, b] = await Promise.all([first, second]);

    assert.equal(b.versions.get(SDN)?.version, 3);
    assert.equal(finds(b, 'Brellovan Aerospace Works', '92102'), true);
    assert.equal(a, b, 'the first caller is answered with the snapshot that includes the second activation');
    assert.equal(active.current(), b);
    assert.equal(reads, 3, 'one rebuild for each activation, none more');
  });

  test('a snapshot swapped out, searched while it was current, is collected: nothing keeps it alive', async () => {
    const active = activeLists();
    await active.refresh();
    // Weak references only: the old snapshot, its index, and its entries (whose typed arrays are most of it).
    const held = await (async () => {
      const s = active.current();
      assert.equal(finds(s, 'Brellovan Aerospace Works', '92102'), true); // fills the index's per-index caches
      return [new WeakRef(s), new WeakRef(s.partyIndex), new WeakRef(s.entities!)];
    })();
    await activate([FIRST, SECOND, sdnRow(92103, 'OSTRAVEL MARITIME TRADING SA')], 4);
    const next = await active.refresh();
    assert.equal(finds(next, 'Ostravel Maritime Trading', '92103'), true);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // A deref keeps its target alive until the current turn ends: each check is a turn away from the next GC.
    for (let i = 0; i < 10; i++) {
      await nextTurn();
      gc();
      await nextTurn();
      if (held.every((r) => r.deref() === undefined)) break;
    }
    assert.deepEqual(
      held.map((r) => r.deref() === undefined),
      [true, true, true],
      'the old snapshot, index and entries are unreachable',
    );
    await active.close();
  });
});
