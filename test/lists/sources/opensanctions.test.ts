import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { type ListEntity, newParseReport, type ParseReport } from '../../../src/entity/list-entity.ts';
import { source } from '../../../src/lists/sources/opensanctions/index.ts';
import { listFile, skipWithoutLists } from '../../support/lists-dir.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/opensanctions');

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

test('opensanctions: a person joins its Sanction (before it), Address and Passport (in another file, after it)', async () => {
  const { entities } = await readAll(resolve(FIXTURES, 'good'));
  const p = byId(entities, 'fx-person-1');
  assert.equal(p.kind, 'person');
  assert.equal(p.name, 'Ivan FIXTUROV');
  assert.deepEqual(p.aliases, [
    { value: 'Иван ФИКСТУРОВ', quality: 'strong', script: 'Cyrl' },
    { value: 'Vanya Fixturov', quality: 'strong', script: 'Latn' },
    { value: 'Fix', quality: 'weak', script: 'Latn' },
  ]);
  assert.deepEqual(p.birthDates, ['1970-05-06']);
  assert.deepEqual(p.countries, ['RU']);
  assert.deepEqual(p.identifiers, [
    { type: 'inn', value: '770000000001' },
    { type: 'passport', value: 'P0000001', country: 'RU' },
  ]);
  assert.deepEqual(p.addresses, [{ full: '1 Invented Street, Moscow', city: 'Moscow', country: 'RU' }]);
  assert.deepEqual(p.programs, ['EU-TEST']);
  assert.equal(p.listedOn, '2022-02-28');
  assert.equal(p.url, 'https://example.test/eu/fx-person-1');
  assert.match(p.remarks ?? '', /Sanctioned by Council of the European Union: Invented test regime/);
  assert.match(p.remarks ?? '', /owns Fixture Holdings LLC \(51%\)/);
});

test('opensanctions: a related company explains its link and says it is not a target itself', async () => {
  const { entities } = await readAll(resolve(FIXTURES, 'good'));
  const c = byId(entities, 'fx-company-1');
  assert.equal(c.kind, 'organization');
  assert.deepEqual(c.countries, ['CY']);
  assert.deepEqual(c.programs, []);
  assert.match(c.remarks ?? '', /^Not a sanctions target itself/);
  assert.match(c.remarks ?? '', /owned by Ivan FIXTUROV \(51%\)/);
  assert.equal(c.url, 'https://www.opensanctions.org/entities/fx-company-1/');
});

test('opensanctions: vessels and aircraft keep their own identifiers; nameless targets are skipped with a warning', async () => {
  const { entities, report } = await readAll(resolve(FIXTURES, 'good'));
  const v = byId(entities, 'fx-vessel-1');
  assert.equal(v.kind, 'vessel');
  assert.deepEqual(v.identifiers, [{ type: 'imo', value: '9000003' }]);
  assert.deepEqual(v.countries, ['PA']);
  const a = byId(entities, 'fx-plane-1');
  assert.equal(a.kind, 'aircraft');
  assert.deepEqual(a.identifiers, [{ type: 'aircraft_registration', value: 'RA-00001' }]);
  assert.equal(report.recordsSeen, 10);
  assert.equal(report.recordsSkipped, 1);
  assert.match(report.warnings.join('\n'), /Person fx-person-2: no name/);
  assert.match(report.warnings.join('\n'), /Security 1/);
  assert.deepEqual(entities.map((e) => e.entryId).sort(), [
    'fx-company-1',
    'fx-person-1',
    'fx-plane-1',
    'fx-vessel-1',
  ]);
});

test('opensanctions: truncated or malformed lines throw with file and line', async () => {
  await assert.rejects(
    readAll(resolve(FIXTURES, 'bad/truncated.ftm.json')),
    /truncated\.ftm\.json:1: malformed or truncated/,
  );
  await assert.rejects(
    readAll(resolve(FIXTURES, 'bad/bad-props.json')),
    /bad-props\.json:1: .*"name" is not a list/,
  );
});

test('opensanctions real file zala: 91 records, 17 Person/Company entities, links explained', {
  skip: skipWithoutLists,
}, async () => {
  const { entities, report } = await readAll(listFile('opensanctions_ftm/zala/entities.ftm.json'));
  assert.equal(report.recordsSeen, 91);
  assert.equal(report.recordsSkipped, 0);
  assert.equal(entities.filter((e) => e.kind === 'person').length, 6);
  assert.equal(entities.filter((e) => e.kind === 'organization').length, 11);
  assert.equal(entities.length, 17);
  const sanctionsJoined = entities.reduce(
    (n, e) => n + (e.raw as { sanctions: unknown[] }).sanctions.length,
    0,
  );
  assert.equal(sanctionsJoined, 41);
  assert.ok(entities.some((e) => /owned by /.test(e.remarks ?? '')));
  assert.ok(entities.some((e) => /director of /.test(e.remarks ?? '')));
  assert.ok(entities.some((e) => e.programs.includes('EU-UKR')));
});

test('opensanctions real file t1_eu_fsf: 7 records, 4 persons and 2 organizations', {
  skip: skipWithoutLists,
}, async () => {
  const { entities, report } = await readAll(listFile('opensanctions_ftm/t1_eu_fsf/entities.ftm.json'));
  assert.equal(report.recordsSeen, 7);
  assert.equal(entities.filter((e) => e.kind === 'person').length, 4);
  assert.equal(entities.filter((e) => e.kind === 'organization').length, 2);
  assert.equal(entities.length, 6);
});
