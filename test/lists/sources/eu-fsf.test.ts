import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { type ListEntity, newParseReport, type ParseReport } from '../../../src/entity/list-entity.ts';
import { source } from '../../../src/lists/sources/eu-fsf/index.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/eu-fsf');

async function readAll(path: string): Promise<{ entities: ListEntity[]; report: ParseReport }> {
  const report = newParseReport();
  const entities: ListEntity[] = [];
  for await (const e of source.read(path, report)) entities.push(e);
  return { entities, report };
}

function byId(entities: ListEntity[], id: string): ListEntity {
  const found = entities.find((e) => e.entryId === id);
  assert.ok(found, `no entity ${id}`);
  return found;
}

/** What both layouts must agree on for the invented person 900011. */
function assertPerson(p: ListEntity): void {
  assert.equal(p.source, 'eu-fsf');
  assert.equal(p.kind, 'person');
  assert.equal(p.name, 'Petr Testovich OBRAZTSOV');
  assert.ok(
    p.aliases.some(
      (a) => a.value === 'Пётр Тестович ОБРАЗЦОВ' && a.script === 'Cyrl' && a.quality === 'strong',
    ),
  );
  assert.deepEqual(p.countries, ['RU']);
  assert.deepEqual(p.birthDates, ['1961-03-14', '1962']);
  assert.ok(
    p.identifiers.some((i) => i.type === 'passport' && i.value === '750000001' && i.country === 'RU'),
  );
  assert.deepEqual(p.programs, ['EU-UKR']);
  assert.equal(p.listedOn, '2022-02-23');
  assert.deepEqual(p.addresses, [
    { full: '1 Invented Lane, 101000 Moscow, RUSSIAN FEDERATION', city: 'Moscow', country: 'RU' },
  ]);
  assert.match(p.remarks ?? '', /Deputy head of an invented agency/);
  assert.equal(p.url, 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32022R0260');
}

test('eu-fsf XML: person with strong and weak aliases, citizenship, DOBs, passport, address, programme', async () => {
  const { entities, report } = await readAll(resolve(FIXTURES, 'good/xmlFullSanctionsList_1_1.xml'));
  const p = byId(entities, '900011');
  assertPerson(p);
  assert.deepEqual(
    p.aliases.find((a) => a.value === 'Petya'),
    { value: 'Petya', quality: 'weak', script: 'Latn' },
  );
  assert.ok(
    p.identifiers.some(
      (i) => i.type === 'other' && i.value === 'TX-42' && i.label === 'Other identification number',
    ),
  );
  assert.equal(report.publishedAt, '2026-09-01T10:15:00.000+02:00');
});

test('eu-fsf XML: enterprise uses designationDate; an entity with no name is skipped with a warning', async () => {
  const { entities, report } = await readAll(resolve(FIXTURES, 'good/xmlFullSanctionsList_1_1.xml'));
  const org = byId(entities, '900012');
  assert.equal(org.kind, 'organization');
  assert.equal(org.name, 'Fixture Logistics LLC');
  assert.equal(org.listedOn, '2024-12-16');
  assert.deepEqual(org.programs, ['EU-RUS']);
  assert.deepEqual(org.identifiers, [{ type: 'registration', value: '1234500000', country: 'RU' }]);
  assert.deepEqual(org.countries, ['AE']);
  assert.equal(report.recordsSeen, 3);
  assert.equal(report.recordsSkipped, 1);
  assert.equal(entities.length, 2);
  assert.match(report.warnings.join('\n'), /entity 900013: no name/);
});

test('eu-fsf CSV 1.1: rows of one entity fold into one record with the same content as the XML', async () => {
  const { entities, report } = await readAll(resolve(FIXTURES, 'good/csvFullSanctionsList_1_1.csv'));
  assert.equal(report.recordsSeen, 2);
  assert.equal(entities.length, 2);
  assertPerson(byId(entities, '900011'));
  assert.equal(byId(entities, '900011').aliases.length, 2);
  assert.equal(byId(entities, '900012').listedOn, '2024-12-16');
  assert.equal(report.publishedAt, '2026-09-01');
});

test('eu-fsf: a directory holding both layouts reads the XML only, so nothing is listed twice', async () => {
  const { entities, report } = await readAll(resolve(FIXTURES, 'good'));
  assert.equal(report.recordsSeen, 3);
  assert.deepEqual(
    entities.map((e) => e.entryId),
    ['900011', '900012'],
  );
  // The XML is the one read: only it carries the weak alias.
  assert.equal(byId(entities, '900011').aliases.find((a) => a.value === 'Petya')?.quality, 'weak');
});

test('eu-fsf: truncated or malformed files throw', async () => {
  await assert.rejects(readAll(resolve(FIXTURES, 'bad/truncated.xml')), /truncated\.xml/);
  await assert.rejects(readAll(resolve(FIXTURES, 'bad/mismatched.xml')), /mismatched\.xml/);
  await assert.rejects(
    readAll(resolve(FIXTURES, 'bad/truncated.csv')),
    /truncated\.csv: malformed or truncated/,
  );
  await assert.rejects(readAll(resolve(FIXTURES, 'bad/split-entity.csv')), /not contiguous/);
});
