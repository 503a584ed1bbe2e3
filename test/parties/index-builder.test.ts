import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { buildIndexData } from '../../src/parties/build-index.ts';
import { BUILD_NICE } from '../../src/parties/build-priority.ts';
import { EntityTable } from '../../src/parties/entity-table.ts';
import { buildIndex, type SliceStats } from '../../src/parties/index.ts';
import { type BuildReport, createIndexBuilder } from '../../src/parties/index-builder.ts';
import { knownIds, type PackedIndex, packIndex, unpackSteps } from '../../src/parties/index-transfer.ts';
import {
  decode,
  encode,
  handOverDirs,
  handOverPrefix,
  writeSections,
} from '../../src/parties/section-file.ts';
import { runAtOnce } from '../../src/parties/slices.ts';
import { loopTurnsDuring } from '../support/loop-turns.ts';
import { comparable, ENTRIES, filler, mk } from './fixtures.ts';

/** Names of two invented words each, so the vocabulary runs to thousands of strings. */
function invented(count: number) {
  let s = 7;
  const letter = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return 'BDFGKLMNPRSTVZ'[s % 14]! + 'AEIOU'[(s >> 8) % 5]!;
  };
  const word = () => letter() + letter() + letter();
  return Array.from({ length: count }, (_, i) => mk(`I${i}`, `${word()} ${word()} TRADING`));
}

/** One builder for the file, as the service has one: its index process is kept between builds. */
const builder = createIndexBuilder();
after(() => builder.close());

test('an index packed, handed over through a file and unpacked is the same index', async () => {
  const table = EntityTable.of([...ENTRIES, ...filler(1000)]);
  const d = buildIndexData(table);
  const encoded = encode(packIndex(buildIndexData(table)));
  const path = await writeSections(`tradescreen-test-${process.pid}.bin`, encoded);
  const file = readFileSync(path);
  rmSync(path);
  const packed = decode<PackedIndex>(encoded.skeleton, file);
  assert.equal(packed.arrays.post.buffer, file.buffer, 'a view into the file, not a copy');
  assert.deepStrictEqual(comparable(runAtOnce(unpackSteps(packed, table))), comparable(d));
});

test('an index unpacked over the words of another index is the same index as one unpacked alone', () => {
  const before = buildIndexData(EntityTable.of([...ENTRIES, ...invented(500)]));
  // Shares most of its words with `before`, drops some, and brings words of 13+ characters `before` lacks.
  const table = EntityTable.of([
    ...ENTRIES.slice(2),
    ...invented(400),
    mk('L1', 'VERYLONGINVENTEDWORD QUARNETHOVELLIXAN'),
  ]);
  const alone = runAtOnce(unpackSteps(packIndex(buildIndexData(table)), table));
  const over = runAtOnce(unpackSteps(packIndex(buildIndexData(table)), table, before));
  assert.ok(alone.vocab.some((w) => w.length >= 13 && before.vocabMap.get(w) === undefined));
  assert.ok(alone.vocab.filter((w) => before.vocabMap.get(w) !== undefined).length > 100);
  assert.deepStrictEqual(comparable(over), comparable(alone));
  // The same with the positions the worker sends along for the words the main thread holds.
  const packed = packIndex(buildIndexData(table), {
    of: 7,
    ids: knownIds(alone.vocabMap, before.vocabMap),
  });
  const ids = packed.known!.ids;
  assert.ok(ids.includes(-1) && ids.some((j) => j >= 0));
  for (const [i, j] of ids.entries()) {
    const word = alone.vocab[i]!;
    assert.equal(
      j >= 0 ? before.vocab[j] : undefined,
      before.vocabMap.get(word) === undefined ? undefined : word,
    );
  }
  const byIds = runAtOnce(unpackSteps(packed, table, { ...before, build: 7 }));
  assert.deepStrictEqual(comparable(byIds), comparable(alone));
});

test('the index built in the index process answers exactly as the one built at once', async () => {
  const entities = [...ENTRIES, ...filler(400), ...invented(3000)];
  const table = EntityTable.of(entities);
  const stats: SliceStats = { yields: 0, longestMs: 0 };
  const { value: offThread, turns } = await loopTurnsDuring(() =>
    builder.build(table, { sliceMs: 0, stats }),
  );
  // The unpacking alone yields once per 1,024 strings (sliceMs 0): the loop turned at least that often.
  assert.ok(stats.yields >= 4, `${stats.yields} yields for ${offThread.stats().vocabulary} words`);
  assert.ok(turns >= stats.yields, `${turns} turns`);
  const atOnce = buildIndex(entities);
  assert.deepStrictEqual(offThread.stats().names, atOnce.stats().names);
  for (const name of [
    'Bitteria',
    'Vladimir Putin',
    'ZARYA SHIPPING',
    'Alpha Cedar Trading Beograd',
    'Qwerta',
  ]) {
    assert.deepStrictEqual(
      offThread.search({ name }, { minScore: 0 }),
      atOnce.search({ name }, { minScore: 0 }),
      name,
    );
  }
});

test('an aborted build rejects', async () => {
  const closing = new AbortController();
  const building = builder.build(EntityTable.of(filler(2000)), { signal: closing.signal });
  closing.abort(new Error('closed'));
  await assert.rejects(building, /closed/);
});

test('the index process tokenises only the lists that changed, keeps the active and previous version, and answers as a fresh build', async () => {
  const lists: Record<string, ListEntity[]> = {
    a1: ENTRIES,
    b1: filler(400),
    b2: filler(390),
    b3: [...filler(380), mk('N1', 'QUARNETH VELLIX')],
    c1: invented(1000),
  };
  const tables = new Map(Object.entries(lists).map(([k, v]) => [k, EntityTable.of(v)]));
  const build = async (b: string) => {
    const parts = ['a1', b, 'c1'].map((k) => ({ source: k[0]!, version: k, entries: tables.get(k)! }));
    const report: BuildReport = { prepared: -1, parts: -1 };
    const index = await builder.build(parts, { report });
    const fresh = buildIndex(['a1', b, 'c1'].flatMap((k) => lists[k]!));
    assert.deepStrictEqual(index.stats().names, fresh.stats().names);
    for (const name of ['Bitteria', 'Alpha Cedar Trading Beograd', 'Quarneth Velix', 'Qwerta']) {
      assert.deepStrictEqual(
        index.search({ name }, { minScore: 0 }),
        fresh.search({ name }, { minScore: 0 }),
      );
    }
    return `${report.prepared} of ${report.parts}`;
  };
  assert.equal(await build('b1'), '3 of 3');
  assert.equal(await build('b2'), '1 of 3', 'a new version of b: b only');
  assert.equal(await build('b1'), '0 of 3', 'back to the previous version: kept');
  assert.equal(await build('b3'), '1 of 3');
  assert.equal(await build('b1'), '0 of 3', 'b1 was the previous version of b, kept');
  assert.equal(await build('b2'), '1 of 3', 'b2 was neither the active nor the previous version: dropped');
});

test('an aborted build drops what the index process had prepared, and the next build prepares every list again', async () => {
  const parts = [
    { source: 'x', version: '1', entries: EntityTable.of(ENTRIES) },
    { source: 'y', version: '1', entries: EntityTable.of(filler(2000)) },
  ];
  const first: BuildReport = { prepared: -1, parts: -1 };
  await builder.build(parts, { report: first });
  const killed = builder.pid()!;
  const closing = new AbortController();
  const building = builder.build(parts, { signal: closing.signal });
  // On the next turn, once the build has been handed to the index process (it starts in a microtask).
  setImmediate(() => closing.abort(new Error('closed')));
  await assert.rejects(building, /closed/);
  await until(() => !alive(killed), 'the aborted index process is gone');
  const again: BuildReport = { prepared: -1, parts: -1 };
  await builder.build(parts, { report: again });
  assert.notEqual(builder.pid(), killed, 'a fresh index process');
  assert.deepStrictEqual(
    [first, again],
    [
      { prepared: 2, parts: 2 },
      { prepared: 2, parts: 2 },
    ],
  );
});

test('every thread of the index process runs at a low CPU priority (SCHED_IDLE, BUILD_NICE), in a session niced as a whole, from its first build not at start', {
  skip: !existsSync('/proc/self/task') && 'no /proc',
}, async () => {
  const own = createIndexBuilder();
  after(() => own.close());
  const threadField = (field: number) => {
    const pid = own.pid()!;
    const tids = readdirSync(`/proc/${pid}/task`);
    assert.ok(tids.length > 1, 'V8 helper threads among them');
    return tids.map((tid) => statFields(`/proc/${pid}/task/${tid}/stat`)[field]);
  };
  const nices = () => threadField(16);
  // proc(5) stat field 41, the scheduling policy (counted here from the state, field 3): 0 normal, 5 SCHED_IDLE.
  const policies = () => threadField(38);
  const autogroup = () => readFileSync(`/proc/${own.pid()}/autogroup`, 'utf8');
  await own.build(EntityTable.of(ENTRIES), { atStart: true });
  const ours = statFields(`/proc/${process.pid}/stat`)[16];
  assert.ok(
    nices().every((n) => n === ours),
    'the first build at the priority of the API process',
  );
  assert.ok(
    policies().every((p) => p === '0'),
    `the first build at the normal scheduling policy: ${policies()}`,
  );
  if (existsSync('/proc/self/autogroup'))
    assert.doesNotMatch(autogroup(), new RegExp(`nice ${BUILD_NICE}\\b`));
  await own.build(EntityTable.of(ENTRIES));
  assert.ok(
    nices().every((n) => n === String(BUILD_NICE)),
    `${nices()}`,
  );
  // Where util-linux's chrt is there (Debian's base system, the Docker image), every thread yields at once.
  if (spawnSync('chrt', ['--version']).status === 0)
    assert.ok(
      policies().every((p) => p === '5'),
      `SCHED_IDLE: ${policies()}`,
    );
  const pid = own.pid()!;
  // The API's own threads and session are left as they were.
  assert.equal(statFields(`/proc/${process.pid}/stat`)[16], ours);
  assert.equal(statFields(`/proc/${process.pid}/stat`)[38], '0');
  if (existsSync('/proc/self/autogroup')) {
    assert.match(readFileSync(`/proc/${pid}/autogroup`, 'utf8'), new RegExp(`nice ${BUILD_NICE}\\b`));
    assert.doesNotMatch(readFileSync('/proc/self/autogroup', 'utf8'), new RegExp(`nice ${BUILD_NICE}\\b`));
  }
});

test('no hand-over file is left behind by a build', async () => {
  await builder.build(EntityTable.of(filler(300)));
  assert.deepStrictEqual(handOvers(builder.pid()!), []);
});

test('closing the builder kills its index process, and later builds reject', async () => {
  const own = createIndexBuilder();
  await own.build(EntityTable.of(ENTRIES));
  const pid = own.pid()!;
  assert.ok(alive(pid));
  own.close();
  await until(() => !alive(pid), 'the index process is gone');
  await assert.rejects(own.build(EntityTable.of(ENTRIES)), /closed/);
});

test('an idle index process does not keep the API process alive, and leaves with it', async () => {
  const host = spawnHost('idle');
  const pid = await firstLine(host);
  const code = await new Promise((r) => host.once('exit', r));
  assert.equal(code, 0, 'the host returned with its builder open');
  await until(() => !alive(pid), `index process ${pid} outlived its parent`);
});

test('the index process leaves when the API process is killed with SIGKILL in the middle of a build', async () => {
  const host = spawnHost('building');
  const pid = await firstLine(host);
  assert.ok(alive(pid));
  assert.equal(handOvers(pid).length, 0, 'the host waited until the index process took its input up');
  host.kill('SIGKILL');
  await until(() => !alive(pid), `index process ${pid} outlived its parent`);
  assert.deepStrictEqual(handOvers(pid), []);
});

test('an index process that goes away removes the hand-over files named after it, whoever wrote them', async () => {
  const host = spawnHost('building');
  const pid = await firstLine(host);
  // As if the API process had written a build's input and died before the index process read it.
  const left = await writeSections(`${handOverPrefix(pid)}in-99.bin`, encode({ bytes: Buffer.from('x') }));
  assert.ok(existsSync(left));
  host.kill('SIGKILL');
  await until(() => !alive(pid), `index process ${pid} outlived its parent`);
  assert.equal(existsSync(left), false);
});

/** Hand-over files to or from index process `pid` that are still there. */
const handOvers = (pid: number) =>
  handOverDirs().flatMap((dir) => readdirSync(dir).filter((f) => f.startsWith(handOverPrefix(pid))));

const HOST = resolve(import.meta.dirname, '../support/index-builder-host.ts');
const spawnHost = (mode: string) =>
  spawn(process.execPath, ['--import', 'tsx', HOST, mode], {
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });

async function firstLine(child: ChildProcess): Promise<number> {
  let out = '';
  for await (const chunk of child.stdout!) {
    out += chunk;
    if (out.includes('\n')) break;
  }
  const pid = Number(out.trim());
  assert.ok(Number.isInteger(pid) && pid > 0, `host printed ${JSON.stringify(out)}`);
  return pid;
}

const statFields = (path: string) => {
  const s = readFileSync(path, 'utf8');
  return s.slice(s.lastIndexOf(')') + 2).split(' ');
};

/** Whether `pid` runs: a zombie (exited, not yet reaped by whoever adopted it) does not. */
function alive(pid: number): boolean {
  try {
    return statFields(`/proc/${pid}/stat`)[0] !== 'Z';
  } catch {
    if (existsSync('/proc/self')) return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `ok` until it holds, for at most a minute (a niced process on a busy machine is slow to be scheduled). */
async function until(ok: () => boolean, message: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!ok()) {
    if (Date.now() > deadline) assert.fail(message);
    await sleep(50);
  }
}
