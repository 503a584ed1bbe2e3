import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BenchCase, wordKey, words } from '../../eval/independent/cases.ts';
import { negativeCases, type PersonPartRow } from '../../eval/independent/negatives.ts';
import { benchMisses, benchTable, runBench } from '../../eval/independent/score.ts';
import { soundAlikeFinder, soundAlikeKey } from '../../eval/independent/sound-alike.ts';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import type { Hit, MatchIndex } from '../../src/parties/types.ts';
import { listEntity } from './entities.ts';

/** Invented entries; no real list content. */
const mk = (entryId: string, name: string, kind: ListEntity['kind'] = 'person'): ListEntity =>
  listEntity('list-a', entryId, name, {}, kind);

const ENTITIES = [
  mk('A1', 'FAROOQ, Muhammad'),
  mk('A2', 'Wang YU'),
  mk('A3', 'KOVALENKO, Ivan'),
  mk('A5', 'Natalia SMIRNOVA'),
  mk('A4', 'CIMEX', 'organization'),
];

test('spelling collision: every word alike under Double Metaphone, in any order', () => {
  const find = soundAlikeFinder(ENTITIES);
  assert.equal(find('Mohammed Farouk'), 'list-a/A1 "FAROOQ, Muhammad"');
  assert.equal(find('Natalia Smirnov'), 'list-a/A5 "Natalia SMIRNOVA"');
});

test('spelling collision: a word missing or added, or a one-letter code written otherwise, is none', () => {
  const find = soundAlikeFinder(ENTITIES);
  assert.equal(find('Mohammed Farouk Ali'), undefined);
  assert.equal(find('Farouk'), undefined);
  // "Wei" and "Yu" share the one-letter code "A": too little to call them one name.
  assert.equal(find('Wang Wei'), undefined);
  assert.equal(find('Wang Yu'), 'list-a/A2 "Wang YU"');
});

test('spelling collision: pairs must begin with the same letter, digits and other scripts give no key', () => {
  // Khaled/Claudia and Khoury/Guerra share primary codes (KLT, KR) but not their first letter.
  assert.notEqual(soundAlikeKey('Khaled Khoury'), soundAlikeKey('Claudia Guerra'));
  assert.equal(soundAlikeKey('Unit 29155'), '');
  assert.equal(soundAlikeKey('Иван Коваленко'), '');
});

test('negatives: exact collision first, spelling collision for persons only, the rest clean', () => {
  const parts: PersonPartRow[] = [
    { culture: 'x', order: 'given-first', part: 'given', value: 'Mohammed', source: 's1' },
    { culture: 'x', order: 'given-first', part: 'surname', value: 'Farouk', source: 's2' },
    { culture: 'y', order: 'given-first', part: 'given', value: 'Ivan', source: 's3' },
    { culture: 'y', order: 'given-first', part: 'surname', value: 'Kovalenko', source: 's3' },
  ];
  const companies = [{ name: 'Cemex', country: 'MX', source: 'hand-written' }];
  const cases = negativeCases(ENTITIES, companies, parts, () => 0.5, 1);
  assert.deepEqual(
    cases.map((c) => `${c.query.name}: ${c.collision ?? '-'} / ${c.spellingCollision ?? '-'}`),
    [
      // A brand has one spelling: "Cemex" is not the listed "CIMEX".
      'Cemex: - / -',
      'Mohammed Farouk: - / list-a/A1 "FAROOQ, Muhammad"',
      'Ivan Kovalenko: list-a/A3 / -',
    ],
  );
});

test('scoring: spelling collisions are run and counted apart, and the clean rate is shown both ways', () => {
  const hit = {
    source: 'list-a',
    entryId: 'A1',
    matchedName: 'FAROOQ, Muhammad',
    score: 0.9,
    evidence: { name: { detail: '' } },
  } as Hit;
  const index = {
    search: (q: { name: string }) => (q.name === 'clean' ? [] : [hit]),
  } as unknown as MatchIndex;
  const neg = (name: string, spellingCollision?: string): BenchCase => ({
    cls: 'neg person',
    query: { name },
    provenance: { from: 'f', entries: [], via: '' },
    ...(spellingCollision ? { spellingCollision } : {}),
  });
  const rows = runBench(index, [
    neg('Mohammed Farouk', 'list-a/A1'),
    neg('alerts'),
    neg('clean'),
    neg('clean'),
  ]);
  const row = rows[0]!;
  assert.deepEqual([row.n, row.fp, row.spellingCollisions, row.spellingCollisionAlerts], [3, 1, 1, 1]);
  const table = benchTable(rows).join('\n');
  assert.match(table, /clean negatives: 3 cases, 1 false hits \(33\.3%\)/);
  assert.match(table, /not counted\): 1, 1 alerted; counted as clean: 2 false hits of 4 \(50\.0%\)/);
  assert.deepEqual(benchMisses(rows, 5).slice(0, 1), [
    'SPELLING COLLISION [neg person] "Mohammed Farouk" ≈ list-a/A1 (alerted)',
  ]);
});

test('benchmark words: letters NFKD keeps whole are folded, so "Aydın" is the listed "AYDIN"', () => {
  assert.equal(wordKey('Mustafa Aydın'), wordKey('AYDIN, Mustafa'));
  assert.deepEqual(words('Łukasz Øberg Đorđe'), ['lukasz', 'oberg', 'dorde']);
});
