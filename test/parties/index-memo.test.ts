import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { buildIndex, type PartyQuery } from '../../src/parties/index.ts';
import { runAtOnce } from '../../src/parties/slices.ts';
import { ENTRIES, filler, mk } from './fixtures.ts';

/** Persons with Arabic names in several romanisations (the frame-link memo), and organisations to misspell. */
const ARABIC: ListEntity[] = [
  mk('A1', 'AL-QADHAFI, Muammar Mohammed Abu Minyar', { kind: 'person' }),
  mk('A2', 'ABD AL RAHMAN, Hussein', { kind: 'person' }),
  mk('A3', 'EL-AZHARI, Khaled', { kind: 'person' }),
  mk('A4', 'MASRI TRADING COMPANY', {}),
  mk('A5', 'ALNOOR GENERAL TRADING LLC', {}),
];

/** Exact, misspelt, glued, other-romanisation and unlisted names: each goes through a different memo. */
const QUERIES: PartyQuery[] = [
  { kind: 'person', name: 'Muammar Gaddafi' },
  { kind: 'person', name: 'Moamar al Qadhdhafi' },
  { kind: 'person', name: 'Hussein Abdelrahman' },
  { kind: 'person', name: 'Khalid al Azhari' },
  { kind: 'person', name: 'Vladmir Putn' },
  { kind: 'person', name: 'Zoran Petrovich' },
  { kind: 'organization', name: 'Masri Tradnig Co' },
  { kind: 'organization', name: 'Al Noor General Trading' },
  { kind: 'organization', name: 'Soha Info doo' },
  { kind: 'organization', name: 'Qwerta Tradign' },
  { kind: 'organization', name: 'Northwnd Logistcs' },
  { kind: 'unknown', name: 'Kominvex Beograd' },
  { kind: 'unknown', name: 'Entirely Unlisted Name' },
];

const ask = (index: ReturnType<typeof buildIndex>, times: number) => {
  for (let i = 0; i < times; i++) for (const q of QUERIES) index.search(q);
};

test('an index whose memos were warmed from the index before it answers exactly as a cold one', () => {
  const before = buildIndex([...ENTRIES, ...ARABIC, ...filler(300)]);
  ask(before, 2);
  // Other entries, so the new index numbers its vocabulary otherwise: a value carried over instead of computed
  // again over the new index would point at other words.
  const entries = [...ARABIC.slice(1), ...ENTRIES.slice(3), mk('N1', 'ZORAN TRADING'), ...filler(250)];
  const warmed = buildIndex(entries);
  const computed = runAtOnce(warmed.warmFrom(before, 500));
  assert.ok(computed > QUERIES.length, `warmed ${computed} keys`);
  const cold = buildIndex(entries);
  for (const q of QUERIES) assert.deepStrictEqual(warmed.search(q), cold.search(q), q.name);
  // And once the cold one has filled its memos too.
  for (const q of QUERIES) assert.deepStrictEqual(warmed.search(q), cold.search(q), q.name);
});

test('a warm-up takes only keys asked for more than once, at most `most` per memo', () => {
  const entries = [...ENTRIES, ...ARABIC, ...filler(100)];
  const once = buildIndex(entries);
  ask(once, 1);
  // A query's words can repeat within it or across queries ("trading"), so a few keys were asked twice already.
  const fromOnce = runAtOnce(buildIndex(entries).warmFrom(once, 500));
  const twice = buildIndex(entries);
  ask(twice, 2);
  const fromTwice = runAtOnce(buildIndex(entries).warmFrom(twice, 500));
  assert.ok(fromTwice > fromOnce, `${fromTwice} > ${fromOnce}`);
  // Three memos (token links, slips, Arabic frames), each bounded.
  assert.ok(runAtOnce(buildIndex(entries).warmFrom(twice, 2)) <= 3 * 2);
  assert.equal(runAtOnce(buildIndex(entries).warmFrom(twice, 0)), 0);
  // An index is not warmed from itself.
  assert.equal(runAtOnce(twice.warmFrom(twice, 500)), 0);
});
