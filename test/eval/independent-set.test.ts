import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRealLists } from '../../bench/support/load-real-lists.ts';
import { buildIndependentSet, DEFAULT_SIZES } from '../../eval/independent/build.ts';
import type { BenchCase } from '../../eval/independent/cases.ts';
import { confusableCases } from '../../eval/independent/confusable.ts';
import { crossListCases } from '../../eval/independent/cross-list.ts';
import { loadBenchData } from '../../eval/independent/data-files.ts';
import { type CompanyRow, negativeCases, type PersonPartRow } from '../../eval/independent/negatives.ts';
import { ownAliasCases } from '../../eval/independent/own-alias.ts';
import { runBench } from '../../eval/independent/score.ts';
import { seeded } from '../../eval/rng.ts';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import type { Hit, MatchIndex } from '../../src/parties/types.ts';
import { skipWithoutLists } from '../support/lists-dir.ts';
import { listEntity } from './entities.ts';

/** Invented entries on two invented lists; no real list content. */
const mk = listEntity;
const id = (type: string, value: string) => ({ type, value });

const ENTITIES: ListEntity[] = [
  // One person on both lists, the passport written differently: a pair each way.
  mk('list-a', 'A1', 'KOVALENKO, Ivan', {
    identifiers: [id('passport', 'AB123456')],
    birthDates: ['1970-01-02'],
  }),
  mk('list-b', 'B1', 'Iwan KOWALENKO', {
    identifiers: [id('passport', 'AB 123 456')],
    birthDates: ['1970-01-02'],
  }),
  // Same words on both lists: trivial, left out.
  mk('list-a', 'A2', 'NORDWIND HANDELS GMBH', {
    kind: 'organization',
    identifiers: [id('registration', 'HRB-998877')],
  }),
  mk('list-b', 'B2', 'Nordwind Handels GmbH', {
    kind: 'organization',
    identifiers: [id('registration', 'HRB998877')],
  }),
  // Same number, different birth dates: a recycled or wrong number, not one person.
  mk('list-a', 'A3', 'PETRENKO, Olga', {
    identifiers: [id('passport', 'XY987654')],
    birthDates: ['1980-05-05'],
  }),
  mk('list-b', 'B3', 'Olha PETRENKO', {
    identifiers: [id('passport', 'XY987654')],
    birthDates: ['1955-03-03'],
  }),
  // Two entries of one list hold the number: an agent's number, not an identity.
  mk('list-a', 'A4', 'ORION SHIPPING', { kind: 'organization', identifiers: [id('tax_id', '7777777777')] }),
  mk('list-a', 'A5', 'VEGA MARINE', { kind: 'organization', identifiers: [id('tax_id', '7777777777')] }),
  mk('list-b', 'B4', 'ORION SHIPPING CO', {
    kind: 'organization',
    identifiers: [id('tax_id', '7777777777')],
  }),
  // Contact details and short numbers link nothing.
  mk('list-a', 'A6', 'KESTREL LOGISTICS', {
    kind: 'organization',
    identifiers: [id('website', 'kestrel.example')],
  }),
  mk('list-b', 'B6', 'KESTREL LOGISTIK', {
    kind: 'organization',
    identifiers: [id('website', 'kestrel.example')],
  }),
  mk('list-a', 'A7', 'LYRA FOODS', { kind: 'organization', identifiers: [id('tax_id', '1234')] }),
  mk('list-b', 'B7', 'LYRA FOOD', { kind: 'organization', identifiers: [id('tax_id', '1234')] }),
  // Aliases of every kind, one only reordering the primary name.
  mk('list-a', 'A8', 'AL-HOUTHI, Abdul Malik', {
    aliases: [
      { value: 'Abdulmalik al-Huthi', quality: 'strong', script: 'Latn' },
      { value: 'Abu Jibril', quality: 'weak', script: 'Latn' },
      { value: 'عبد الملك الحوثي', quality: 'strong', script: 'Arab' },
      { value: 'Abdul Malik AL-HOUTHI', quality: 'strong', script: 'Latn' },
    ],
  }),
  // Shares "houthi" with A8 but is another person.
  mk('list-a', 'A9', 'AL-HOUTHI, Yahya Badr'),
  // Shares "kovalenko" with A1, which list-b spells differently.
  mk('list-a', 'A10', 'KOVALENKO, Petro', { birthDates: ['1991-04-04'] }),
];

const KEYS = (cases: BenchCase[]) =>
  cases.map((c) => `${c.provenance.entries.join('>')} ${c.query.name}`).sort();

test('cross-list pairs come from one shared strong identifier, both ways, never trivial or ambiguous', () => {
  const { cases, trivial } = crossListCases(ENTITIES, seeded(1));
  assert.deepEqual(KEYS(cases), [
    'list-a/A1>list-b/B1 KOVALENKO, Ivan',
    'list-b/B1>list-a/A1 Iwan KOWALENKO',
  ]);
  assert.equal(trivial, 2, 'A2/B2 both ways');
  const c = cases.find((x) => x.target?.entryId === 'B1')!;
  assert.deepEqual(c.query, { name: 'KOVALENKO, Ivan', kind: 'person' }, 'name and kind only, no identifier');
  assert.equal(c.cls, 'cross-list by identifier');
  assert.equal(c.provenance.via, 'passport:AB123456');
  assert.deepEqual(c.alsoRight?.sort(), ['list-a/A1', 'list-b/B1']);
});

test('an entity repeated under two EU regulations (one source, two lists) still links across lists', () => {
  const eu = (entryId: string) =>
    mk('eu', entryId, 'Alfa Rocket Works JSC', {
      kind: 'organization',
      identifiers: [id('inn', '7701234567')],
    });
  const other = mk('list-b', 'B9', 'AO ALFA RAKETNYE RABOTY', {
    kind: 'organization',
    identifiers: [id('inn', '7701234567')],
  });
  const { cases } = crossListCases([eu('32014R0269:I:1'), eu('32014R0833:IV:2'), other], seeded(1));
  assert.deepEqual(KEYS(cases), [
    'eu/32014R0269:I:1>list-b/B9 Alfa Rocket Works JSC',
    'eu/32014R0833:IV:2>list-b/B9 Alfa Rocket Works JSC',
    'list-b/B9>eu/32014R0269:I:1 AO ALFA RAKETNYE RABOTY',
    'list-b/B9>eu/32014R0833:IV:2 AO ALFA RAKETNYE RABOTY',
  ]);
});

test('own aliases: one case per entry and sub-class, reordered primary names left out', () => {
  const cases = ownAliasCases(ENTITIES, seeded(1));
  assert.deepEqual(cases.map((c) => `${c.cls}: ${c.query.name}`).sort(), [
    'own alias latin strong: Abdulmalik al-Huthi',
    'own alias latin weak: Abu Jibril',
    'own alias non-latin strong: عبد الملك الحوثي',
  ]);
  for (const c of cases) assert.deepEqual(c.target, { source: 'list-a', entryId: 'A8' });
});

test('confusable pairs: two entries of one list sharing a distinctive word, each must not outrank the other', () => {
  const cases = confusableCases(ENTITIES, seeded(1));
  assert.deepEqual(
    cases.map((c) => `${c.target?.entryId} avoid ${c.avoid?.entryId} via ${c.provenance.via}`).sort(),
    [
      'A1 avoid A10 via shared word "kovalenko"',
      'A10 avoid A1 via shared word "kovalenko"',
      'A8 avoid A9 via shared word "houthi"',
      'A9 avoid A8 via shared word "houthi"',
    ],
  );
  // A1 is spelt by list-b (linked by passport): that spelling is the query.
  const a1 = cases.find((c) => c.target?.entryId === 'A1')!;
  assert.equal(a1.cls, "confusable pairs (other list's name)");
  assert.equal(a1.query.name, 'Iwan KOWALENKO');
  assert.deepEqual(a1.provenance.entries, ['list-b/B1', 'list-a/A1', 'list-a/A10']);
  assert.equal(cases.find((c) => c.target?.entryId === 'A10')!.cls, 'confusable pairs (own name)');
});

test('negatives: a name with exactly a listed name’s words is a collision, the rest are clean', () => {
  const companies: CompanyRow[] = [
    { name: 'Nordwind Handels GmbH', country: 'DE', source: 'hand-written' },
    // Only the legal form differs from a listed name: a near-miss the engine must handle, not a collision.
    { name: 'Nordwind Handels AG', country: 'DE', source: 'hand-written' },
    { name: 'Kestrel Motors Inc.', country: 'US', source: 'hand-written' },
  ];
  const parts: PersonPartRow[] = [
    { culture: 'x', order: 'given-first', part: 'given', value: 'Ivan', source: 's1' },
    { culture: 'x', order: 'given-first', part: 'surname', value: 'Kovalenko', source: 's2' },
    { culture: 'y', order: 'surname-first', part: 'given', value: 'Wei', source: 's3' },
    { culture: 'y', order: 'surname-first', part: 'surname', value: 'Wang', source: 's3' },
  ];
  const cases = negativeCases(ENTITIES, companies, parts, seeded(1), 5);
  assert.deepEqual(
    cases.map((c) => `${c.cls}: ${c.query.name} ${c.collision ?? 'clean'}`),
    [
      'neg company: Nordwind Handels GmbH list-a/A2',
      'neg company: Nordwind Handels AG clean',
      'neg company: Kestrel Motors Inc. clean',
      'neg person: Ivan Kovalenko list-a/A1',
      'neg person: Wang Wei clean',
    ],
  );
  assert.equal(cases[3]!.provenance.via, 'x: s1 + s2');
});

test('scoring: collisions are counted apart; a confusable entry above the target is a false hit', () => {
  const hit = (entryId: string): Hit => ({ source: 'list-a', entryId, matchedName: entryId }) as Hit;
  const canned: Record<string, Hit[]> = { q1: [hit('A9'), hit('A8')], q2: [hit('A8')], n1: [hit('A1')] };
  const index = { search: (q: { name: string }) => canned[q.name] ?? [] } as unknown as MatchIndex;
  const pos = (name: string): BenchCase => ({
    cls: 'confusable pairs',
    query: { name },
    target: { source: 'list-a', entryId: 'A8' },
    avoid: { source: 'list-a', entryId: 'A9' },
    provenance: { from: 'list-a', entries: [], via: '' },
  });
  const neg = (name: string, collision?: string): BenchCase => ({
    cls: 'neg person',
    query: { name },
    provenance: { from: 'f', entries: [], via: '' },
    ...(collision ? { collision } : {}),
  });
  const rows = runBench(index, [pos('q1'), pos('q2'), neg('n1', 'list-a/A1'), neg('n1'), neg('n2')]);
  const by = Object.fromEntries(rows.map((r) => [r.cls, r]));
  assert.deepEqual(
    [by['confusable pairs']!.tp, by['confusable pairs']!.fp, by['confusable pairs']!.fn],
    [1, 1, 0],
  );
  assert.deepEqual([by['neg person']!.n, by['neg person']!.fp, by['neg person']!.collisions], [2, 1, 1]);
});

test('the benchmark data files parse and are big enough', () => {
  const data = loadBenchData();
  assert.ok(data.companies.length >= 300, `${data.companies.length} companies`);
  const cultures = new Set(data.personParts.map((p) => p.culture));
  assert.ok(cultures.size >= 8, `${cultures.size} cultures`);
  assert.ok(new Set(data.companies.map((c) => c.name)).size === data.companies.length, 'no duplicates');
});

test('real lists: ≥ 2,000 cases with provenance, every class filled, same cases for the same seed', {
  skip: skipWithoutLists,
}, async () => {
  const { entities } = await loadRealLists(undefined, () => {});
  const data = loadBenchData();
  const a = buildIndependentSet(entities, data, 1, DEFAULT_SIZES);
  const b = buildIndependentSet(entities, data, 1, DEFAULT_SIZES);
  assert.deepEqual(KEYS(a.cases), KEYS(b.cases));
  assert.ok(a.cases.length >= 2000, `${a.cases.length} cases`);
  const count = (cls: string, clean = false) =>
    a.cases.filter((c) => c.cls === cls && !(clean && c.collision)).length;
  assert.ok(count('cross-list by identifier') >= 300);
  assert.ok(count('own alias latin strong') >= 200);
  assert.ok(count('own alias non-latin strong') >= 100);
  assert.ok(count("confusable pairs (other list's name)") >= 50);
  assert.ok(count('confusable pairs (own name)') >= 100);
  assert.ok(count('neg company', true) >= 300);
  assert.ok(count('neg person', true) >= 300);
  for (const c of a.cases) {
    assert.ok(c.provenance.from && c.provenance.via, `${c.query.name}: provenance`);
    if (c.target) assert.ok(c.provenance.entries.length > 0);
    if (c.cls === 'cross-list by identifier') {
      assert.notEqual(c.target!.source, c.provenance.from, 'target on another list');
      assert.ok(!c.query.identifiers, 'query carries no identifier');
    }
  }
});
