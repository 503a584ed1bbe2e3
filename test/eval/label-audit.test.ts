import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BenchCase, coreKey } from '../../eval/independent/cases.ts';
import { crossListCases } from '../../eval/independent/cross-list.ts';
import {
  auditCases,
  CONFUSABLE_IDENTIFIER_ONLY,
  IDENTIFIER_ONLY,
} from '../../eval/independent/label-audit.ts';
import { reachableByName } from '../../eval/independent/name-reach.ts';
import { sameEntity } from '../../eval/independent/same-entity.ts';
import { runBench } from '../../eval/independent/score.ts';
import { seeded } from '../../eval/rng.ts';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import type { Hit, MatchIndex } from '../../src/parties/types.ts';
import { listEntity } from './entities.ts';

/** Invented entries on invented and real-shaped list ids; no real list content. */
const mk = (source: string, entryId: string, name: string, extra: Partial<ListEntity> = {}): ListEntity =>
  listEntity(source, entryId, name, extra, 'organization');
const id = (type: string, value: string) => ({ type, value });
const person = { kind: 'person' as const };

test('one entity through a third entry, one number under two schemes, and numbers stated in UK remarks', () => {
  const es = [
    mk('list-a', 'A1', 'ORION ROCKET WORKS', { identifiers: [id('inn', '7701234567')] }),
    mk('list-c', 'C1', 'ORION RAKETNYE RABOTY', {
      identifiers: [id('tax_id', '7701234567'), id('registration', '1027700999999')],
    }),
    mk('list-b', 'B1', 'OAO ORION', { identifiers: [id('ogrn', '1027700999999')] }),
    mk('uk-hmt', '900', 'ORION ROCKET WORKS JSC', { remarks: '(Business Reg No):1 027 700 999 999' }),
    // Another entity: nothing shared.
    mk('list-b', 'B2', 'VEGA ROCKET WORKS', { identifiers: [id('inn', '7709999999')] }),
  ];
  const same = sameEntity(es);
  assert.deepEqual([...same.members('list-a/A1')].sort(), [
    'list-a/A1',
    'list-b/B1',
    'list-c/C1',
    'uk-hmt/900',
  ]);
  assert.deepEqual(same.members('list-b/B2'), ['list-b/B2']);
});

test("the lists' own cross-references: CSL's copy of an OFAC entry, the UK's UN reference, birth date and name", () => {
  const es = [
    mk('us-ofac-sdn', '36056', 'PO SEVMASH'),
    mk('us-csl', 'SDN:36056', 'JOINT STOCK COMPANY PO SEVMASH'),
    mk('us-csl', 'EL:abc', 'PO SEVMASH'),
    mk('un-sc', 'QDi.900', 'KARIM BEN SALAH HADDAD', { ...person, birthDates: ['1970-01-01'] }),
    mk('uk-hmt', '901', 'KARIM BEN SALAH HADDAD', {
      ...person,
      remarks: '(UK Sanctions List Ref):AQD0999. (UN Ref):QDi.900. Physical description: brown eyes.',
    }),
    mk('eu', 'R1:I:1', 'HADDAD, Karim Ben Salah', { ...person, birthDates: ['1970-01-01'] }),
    // Same words, another birth date: a namesake, not linked.
    mk('eu', 'R1:I:2', 'Karim HADDAD', { ...person, birthDates: ['1980-05-05'] }),
    mk('list-x', 'X2', 'HADDAD, Karim', { ...person, birthDates: ['1980-06-06'] }),
  ];
  const same = sameEntity(es);
  assert.deepEqual([...same.members('us-csl/SDN:36056')].sort(), ['us-csl/SDN:36056', 'us-ofac-sdn/36056']);
  assert.deepEqual(same.members('us-csl/EL:abc'), ['us-csl/EL:abc'], 'a name alone links nothing');
  assert.deepEqual([...same.members('un-sc/QDi.900')].sort(), ['eu/R1:I:1', 'uk-hmt/901', 'un-sc/QDi.900']);
  assert.deepEqual(same.members('eu/R1:I:2'), ['eu/R1:I:2']);
});

test('an identifier held by two entries of one list, or by a person born on another date, links nothing', () => {
  const es = [
    mk('list-a', 'A1', 'KOVAL, Ivan', { ...person, identifiers: [id('passport', 'AB123456')] }),
    mk('list-a', 'A2', 'KOVAL, Olga', { ...person, identifiers: [id('passport', 'AB123456')] }),
    mk('list-b', 'B1', 'Ivan KOVAL', { ...person, identifiers: [id('passport', 'AB123456')] }),
    mk('list-c', 'C1', 'PETRENKO, Olha', {
      ...person,
      identifiers: [id('national_id', 'XY987654')],
      birthDates: ['1980-05-05'],
    }),
    mk('list-d', 'D1', 'Olga PETRENKO', {
      ...person,
      identifiers: [id('national_id', 'XY987654')],
      birthDates: ['1955-03-03'],
    }),
  ];
  const same = sameEntity(es);
  assert.deepEqual(same.members('list-b/B1'), ['list-b/B1']);
  assert.deepEqual(same.members('list-c/C1'), ['list-c/C1']);
});

test('a name is reachable when a word is alike on a loose reading; a renamed ship is not', () => {
  assert.equal(reachableByName('NS CREATION', ['KRASNOYARSK']), false);
  assert.equal(reachableByName('Tong Hung San', ['CHONG CHON GANG']), false);
  assert.equal(reachableByName('OOO SOKHRA', ['Sohra LLC']), true, 'one letter apart');
  assert.equal(reachableByName('Aly Soliman Massoud', ["AL-SAYYID, 'Ali Sulayman Mas'ud"]), true);
  assert.equal(reachableByName('TEKHNOPROMEKSPORT', ['OAO VO Technopromexport']), true);
  assert.equal(reachableByName('Kang Gye', ['KANGGYE']), true, 'glued');
  assert.equal(reachableByName('Mashinostroeniya', ['Машиностроения']), true, 'another script: not judged');
});

test('audit: the target is the entity; a third list copying the query spelling finds nothing; renamed ships apart', () => {
  const es = [
    mk('list-a', 'A1', 'NORDIC STAR', { kind: 'vessel', identifiers: [id('imo', '9123456')] }),
    mk('list-b', 'B1', 'POLAR DAWN', { kind: 'vessel', identifiers: [id('imo', 'IMO 9123456')] }),
    mk('list-a', 'A2', 'Kestrel Machine Plant JSC', { identifiers: [id('inn', '7701111111')] }),
    mk('list-b', 'B2', 'AO KESTREL MASHZAVOD', { identifiers: [id('inn', '7701111111')] }),
    mk('list-c', 'C2', 'Kestrel Machine Plant JSC', { identifiers: [id('inn', '7701111111')] }),
    // Filed as a tax id: the builder's pairs miss it, the audit's entity does not.
    mk('list-d', 'D2', 'KESTREL MACHINE-BUILDING PLANT', { identifiers: [id('tax_id', '7701111111')] }),
  ];
  const built = crossListCases(es, seeded(1)).cases;
  const { cases, counts } = auditCases(built, es, sameEntity(es));
  const shipCase = cases.find((c) => c.query.name === 'NORDIC STAR')!;
  assert.equal(shipCase.cls, IDENTIFIER_ONLY);
  const a2 = cases.find((c) => c.provenance.entries.join() === 'list-a/A2,list-b/B2')!;
  assert.equal(a2.cls, 'cross-list by identifier');
  assert.deepEqual(a2.found, ['list-b/B2', 'list-d/D2'], 'not C2: it carries the query words');
  assert.ok(a2.alsoRight?.includes('list-c/C2'));
  assert.equal(counts.identifierOnly, 2, 'the ship both ways');
});

test("audit: a confusable pair's query from another list is set apart when it shares no word with the target", () => {
  const es = [
    mk('list-a', 'A1', 'NORDIC STAR', { kind: 'vessel', identifiers: [id('imo', '9123456')] }),
    mk('list-b', 'B1', 'POLAR DAWN', { kind: 'vessel', identifiers: [id('imo', '9123456')] }),
    mk('list-a', 'A2', 'NORDIC STAR', { kind: 'vessel', identifiers: [id('imo', '9123457')] }),
    mk('list-b', 'B2', 'NORDIC STARR', { kind: 'vessel', identifiers: [id('imo', '9123457')] }),
  ];
  const pair = (query: string, from: string, target: string): BenchCase => {
    const [source, entryId] = target.split('/') as [string, string];
    return {
      cls: "confusable pairs (other list's name)",
      query: { name: query, kind: 'vessel' },
      target: { source, entryId },
      avoid: { source: 'list-b', entryId: 'B9' },
      provenance: { from: from.split('/')[0]!, entries: [from, target, 'list-b/B9'], via: 'shared word' },
    };
  };
  const { cases, counts } = auditCases(
    [pair('NORDIC STAR', 'list-a/A1', 'list-b/B1'), pair('NORDIC STAR', 'list-a/A2', 'list-b/B2')],
    es,
    sameEntity(es),
  );
  assert.equal(
    cases[0]!.cls,
    CONFUSABLE_IDENTIFIER_ONLY,
    "renamed: the query's own entry does not make it reachable",
  );
  assert.equal(cases[1]!.cls, "confusable pairs (other list's name)", 'one letter apart: a name case');
  assert.equal(counts.confusableIdentifierOnly, 1);
});

test('scoring an audited case: another entry of the entity is found; an alert on a copy is right, not a find', () => {
  const hit = (r: string): Hit => {
    const [source, entryId] = r.split('/') as [string, string];
    return { source, entryId, matchedName: r } as Hit;
  };
  const canned: Record<string, Hit[]> = {
    q1: [hit('list-d/D2')],
    q2: [hit('list-c/C2')],
    q3: [hit('list-x/X9')],
  };
  const index = { search: (q: { name: string }) => canned[q.name] ?? [] } as unknown as MatchIndex;
  const c = (name: string): BenchCase => ({
    cls: 'cross-list by identifier',
    query: { name },
    target: { source: 'list-b', entryId: 'B2' },
    found: ['list-b/B2', 'list-d/D2'],
    alsoRight: ['list-a/A2', 'list-b/B2', 'list-c/C2', 'list-d/D2'],
    provenance: { from: 'list-a', entries: ['list-a/A2', 'list-b/B2'], via: 'inn:7701111111' },
  });
  const [row] = runBench(index, [c('q1'), c('q2'), c('q3')]);
  assert.deepEqual([row!.tp, row!.fn, row!.fp], [1, 2, 1], 'q1 found; q2 missed, not wrong; q3 wrong');
});

test('scoring: an alert on the query’s own name with another legal form is no wrong alert; another name is', () => {
  assert.equal(coreKey('OAO NPO Bazalt'), coreKey('NPO BAZALT'));
  assert.equal(
    coreKey('Kamensk-Uralsky Metallurgical Works JSC'),
    coreKey('Kamensk-Uralsky Metallurgical Works J.S. Co.'),
  );
  assert.notEqual(coreKey('Trust Logistics LLC'), coreKey('Trust Logistics Group'));
  assert.equal(coreKey('Joint Stock Company'), 'company joint stock', 'legal words only: the plain key');
  const hit = (r: string, matchedName: string): Hit => {
    const [source, entryId] = r.split('/') as [string, string];
    return { source, entryId, matchedName } as Hit;
  };
  const canned: Record<string, Hit[]> = {
    'Trust Logistics LLC': [hit('list-c/C7', 'TRUST LOGISTICS')],
    'Trust Logistics Group LLC': [hit('list-c/C7', 'TRUST LOGISTICS')],
  };
  const index = { search: (q: { name: string }) => canned[q.name] ?? [] } as unknown as MatchIndex;
  const c = (name: string): BenchCase => ({
    cls: 'cross-list by identifier',
    query: { name, kind: 'organization' },
    target: { source: 'list-b', entryId: 'B7' },
    provenance: { from: 'list-a', entries: ['list-a/A7', 'list-b/B7'], via: 'inn:7700000007' },
  });
  const [row] = runBench(index, [c('Trust Logistics LLC'), c('Trust Logistics Group LLC')]);
  assert.deepEqual([row!.tp, row!.fn, row!.fp], [0, 2, 1], 'both missed; only the second alert is wrong');
});
