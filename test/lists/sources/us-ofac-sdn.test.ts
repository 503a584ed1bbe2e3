import assert from 'node:assert/strict';
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { type ListEntity, newParseReport, type ParseReport } from '../../../src/entity/list-entity.ts';
import { source } from '../../../src/lists/sources/us-ofac-sdn/index.ts';
import { listFile, skipWithoutLists } from '../../support/lists-dir.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/us-ofac-sdn');

async function collect(path: string): Promise<{ entities: ListEntity[]; report: ParseReport }> {
  const report = newParseReport();
  const entities: ListEntity[] = [];
  for await (const e of source.read(path, report)) entities.push(e);
  return { entities, report };
}

function byId(entities: ListEntity[], id: string): ListEntity {
  const e = entities.find((x) => x.entryId === id);
  assert.ok(e, `entry ${id} missing`);
  return e;
}

test('download declares the official CSV set, side files optional', () => {
  const names = source.files.map((f) => f.fileName);
  assert.deepEqual(names, ['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv']);
  for (const f of source.files)
    assert.match(f.url, /^https:\/\/sanctionslistservice\.ofac\.treas\.gov\/api\//);
  assert.equal(source.files[0]?.optional, undefined);
  assert.ok(source.files.slice(1).every((f) => f.optional === true));
});

test('legacy CSV: remarks become identifiers, dates, countries and weak aliases', async () => {
  const { entities, report } = await collect(join(FIXTURES, 'csv'));
  const company = byId(entities, '90001');
  assert.equal(company.kind, 'organization');
  assert.equal(company.source, 'us-ofac-sdn');
  assert.deepEqual(company.programs, ['RUSSIA-EO14024']);
  assert.deepEqual(company.identifiers, [
    { type: 'inn', value: '7701234567', country: 'RU' },
    { type: 'ogrn', value: '1027700000001', country: 'RU' },
    { type: 'website', value: 'www.testovaya.example' },
  ]);
  assert.deepEqual(company.countries, ['RU']);
  assert.equal(company.url, 'https://sanctionssearch.ofac.treas.gov/Details.aspx?id=90001');
  assert.deepEqual(
    company.aliases.map((a) => [a.value, a.quality]),
    [
      ['TESTOVAYA KOMPANIYA LLC', 'strong'],
      ['TESTOVAYA', 'weak'],
    ],
  );
  assert.equal(report.recordsSeen, 4);
});

test('legacy CSV: person with DOB, passport and a remark continued in sdn_comments.csv', async () => {
  const { entities } = await collect(join(FIXTURES, 'csv'));
  const person = byId(entities, '90002');
  assert.equal(person.kind, 'person');
  assert.equal(person.name, 'IVANOV, Petr Sergeevich');
  assert.deepEqual(person.programs, ['SDGT', 'RUSSIA-EO14024']);
  assert.deepEqual(person.birthDates, ['1960-03-12', '1961-02']);
  assert.ok(
    person.identifiers.some((i) => i.type === 'passport' && i.value === '7512345678' && i.country === 'RU'),
  );
  // "petr@exa" + "mple.test" only make an address if the continuation is glued on without a separator.
  assert.ok(person.identifiers.some((i) => i.type === 'email' && i.value === 'petr@example.test'));
  assert.ok(person.identifiers.some((i) => i.type === 'national_id' && i.country === 'KZ'));
  assert.deepEqual(person.countries, ['RU', 'KZ']);
  assert.deepEqual(
    person.aliases.map((a) => [a.value, a.quality]),
    [['IVANOFF, Peter', 'strong']],
  );
});

test('legacy CSV: vessel IMO, MMSI, flag; addresses joined; -0- is null', async () => {
  const { entities } = await collect(join(FIXTURES, 'csv'));
  const vessel = byId(entities, '90003');
  assert.equal(vessel.kind, 'vessel');
  assert.deepEqual(
    vessel.identifiers.map((i) => [i.type, i.value]),
    [
      ['imo', '9999991'],
      ['mmsi', '123456789'],
      ['other', '9XYZ1'],
    ],
  );
  assert.deepEqual(vessel.countries, ['IR', 'PA']);
  assert.deepEqual(vessel.addresses, [{ full: 'Iran', country: 'IR' }]);
  const raw = vessel.raw as {
    sdn: { tonnage: unknown; vesselOwner: unknown; grossRegisteredTonnage: unknown };
  };
  assert.equal(raw.sdn.tonnage, null);
  assert.equal(raw.sdn.vesselOwner, null);
  assert.equal(raw.sdn.grossRegisteredTonnage, '150,000');
  const company = byId(entities, '90001');
  assert.deepEqual(company.addresses, [
    { full: 'Ul. Vymyshlennaya D. 1, Moscow 101000, Russia', city: 'Moscow', country: 'RU' },
    { full: 'Kazan, Russia', city: 'Kazan', country: 'RU' },
  ]);
});

test('legacy CSV: a nameless row is skipped with a warning; orphan side rows are reported', async () => {
  const { entities, report } = await collect(join(FIXTURES, 'csv'));
  assert.equal(entities.length, 3);
  assert.equal(report.recordsSkipped, 1);
  assert.ok(report.warnings.some((w) => w.includes('90004') && w.includes('no name')));
  assert.ok(report.warnings.some((w) => w.startsWith('add.csv: 1 ent_num')));
  assert.equal(report.publishedAt, undefined);
});

test('legacy CSV: a single sdn.csv path reads without the side files', async () => {
  const { entities } = await collect(join(FIXTURES, 'csv', 'sdn.csv'));
  assert.equal(entities.length, 3);
  assert.deepEqual(byId(entities, '90001').addresses, []);
});

test('legacy CSV: upper-case file names from the list service are found', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ofac-sdn-'));
  await writeFile(join(dir, 'SDN.CSV'), await readFile(join(FIXTURES, 'csv', 'sdn.csv')));
  await writeFile(join(dir, 'ALT.CSV'), await readFile(join(FIXTURES, 'csv', 'alt.csv')));
  const { entities } = await collect(dir);
  assert.equal(byId(entities, '90002').aliases[0]?.value, 'IVANOFF, Peter');
});

test('legacy CSV: an unterminated quote (cut-off file) throws', async () => {
  await assert.rejects(collect(join(FIXTURES, 'csv-unterminated')), /sdn\.csv: malformed CSV: .*[Qq]uote/);
});

test('legacy CSV: a row with missing columns throws', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ofac-sdn-'));
  await writeFile(join(dir, 'sdn.csv'), '90001,"NAME",-0- ,"CUBA"\r\n');
  await assert.rejects(collect(dir), /line 1 has 4 fields, expected 12/);
});

test('sdn.xml: names, weak aka, ids, DOBs, nationality and publish date', async () => {
  const { entities, report } = await collect(join(FIXTURES, 'xml', 'sdn.xml'));
  assert.equal(report.recordsSeen, 2);
  assert.equal(report.publishedAt, '2025-03-14');
  const person = byId(entities, '90101');
  assert.equal(person.name, 'PRIMEROV, Ivan Ivanovich');
  assert.equal(person.kind, 'person');
  assert.deepEqual(
    person.aliases.map((a) => [a.value, a.quality]),
    [
      ['PRIMEROV, Vanya', 'strong'],
      ['THE EXAMPLE', 'weak'],
    ],
  );
  assert.deepEqual(person.identifiers, [{ type: 'passport', value: 'AB1234567', country: 'RU' }]);
  assert.deepEqual(person.birthDates, ['1970-10-07', '1971']);
  assert.deepEqual(person.countries, ['RU', 'BY']);
  assert.equal(person.addresses[0]?.city, 'Saint Petersburg');
  const vessel = byId(entities, '90102');
  assert.equal(vessel.kind, 'vessel');
  assert.deepEqual(vessel.programs, ['IRAN', 'SDGT']);
  assert.ok(vessel.identifiers.some((i) => i.type === 'imo' && i.value === '9999992'));
  assert.deepEqual(vessel.countries, ['CM']);
});

test('SDN_ENHANCED.XML in a directory: translations, low-quality alias, documents, features', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ofac-sdn-'));
  await writeFile(join(dir, 'SDN_ENHANCED.XML'), await readFile(join(FIXTURES, 'xml', 'sdn_enhanced.xml')));
  const { entities, report } = await collect(dir);
  assert.equal(report.recordsSeen, 2);
  assert.equal(report.publishedAt, '2025-03-14');
  const company = byId(entities, '90201');
  assert.equal(company.name, 'PRIMER TRADE DOO BEOGRAD');
  assert.deepEqual(
    company.aliases.map((a) => [a.value, a.quality, a.script]),
    [
      ['ПРИМЕР ТРЕЈД ДОО БЕОГРАД', 'strong', 'Cyrl'],
      ['PT', 'weak', 'Latn'],
    ],
  );
  assert.deepEqual(company.birthDates, ['2007-12-03']);
  assert.deepEqual(company.countries, ['RS']);
  assert.deepEqual(company.addresses, [
    { full: 'Izmisljena 7, Belgrade, Serbia', city: 'Belgrade', country: 'RS' },
  ]);
  assert.ok(
    company.identifiers.some((i) => i.type === 'tax_id' && i.value === '109999999' && i.country === 'RS'),
  );
  assert.ok(company.identifiers.some((i) => i.type === 'website'));
  const person = byId(entities, '90202');
  assert.deepEqual([person.kind, person.birthDates, person.countries], ['person', ['1975'], ['RU']]);
});

test('malformed XML (unclosed element) throws', async () => {
  await assert.rejects(collect(join(FIXTURES, 'xml', 'malformed.xml')), /malformed\.xml: malformed XML/);
});

test('real sdn.csv: 14,965 entries, none skipped', { skip: skipWithoutLists }, async () => {
  const { entities, report } = await collect(listFile('ofac_sdn'));
  assert.equal(report.recordsSeen, 14965);
  assert.equal(report.recordsSkipped, 0);
  assert.equal(entities.length, 14965);
  assert.equal(new Set(entities.map((e) => e.entryId)).size, 14965);
  assert.ok(entities.every((e) => e.name.length > 0 && e.url?.endsWith(`id=${e.entryId}`)));
});

test('real sdn.csv: the seed companies carry their identifiers', { skip: skipWithoutLists }, async () => {
  const { entities } = await collect(listFile('ofac_sdn', 'sdn.csv'));
  const bitteriya = byId(entities, '44823');
  assert.equal(bitteriya.name, 'OOO BITTERIYA');
  assert.equal(bitteriya.kind, 'organization');
  assert.deepEqual(bitteriya.programs, ['RUSSIA-EO14024']);
  assert.deepEqual(bitteriya.countries, ['RU']);
  assert.ok(bitteriya.identifiers.some((i) => i.type === 'inn' && i.value === '9715297229'));
  assert.ok(bitteriya.identifiers.some((i) => i.type === 'ogrn' && i.value === '1177746290611'));
  const expected: [string, RegExp, string, string][] = [
    ['47483', /KOMINVEX/, 'RS', '104004847'],
    ['47485', /VELESSTORE/, 'RU', '7838098822'],
    ['47486', /SOHA INFO/, 'RS', '113105844'],
    ['44216', /MCI TRADING/, 'RS', '104545548'],
    ['47201', /GOODFORWARDING/, 'RS', '113097773'],
  ];
  for (const [id, name, country, taxId] of expected) {
    const e = byId(entities, id);
    assert.match(e.name, name);
    assert.deepEqual(e.countries, [country], id);
    assert.ok(
      e.identifiers.some((i) => i.value === taxId && i.country === country),
      id,
    );
    assert.ok(e.programs.includes('RUSSIA-EO14024'), id);
  }
});

test('real aux files join onto sdn.csv by ent_num', { skip: skipWithoutLists }, async () => {
  // Links, not copies: the real files are read in place.
  const dir = await mkdtemp(join(tmpdir(), 'ofac-sdn-aux-'));
  await symlink(listFile('ofac_sdn', 'sdn.csv'), join(dir, 'sdn.csv'));
  for (const f of ['add.csv', 'alt.csv', 'sdn_comments.csv'])
    await symlink(listFile('ofac_sdn_aux', f), join(dir, f));
  const { entities, report } = await collect(dir);
  const mci = byId(entities, '44216');
  assert.ok(mci.aliases.some((a) => a.value === 'MCI DOO BEOGRAD' && a.quality === 'strong'));
  assert.ok(mci.addresses.some((a) => a.city === 'Belgrade' && a.full.startsWith('Mirocka 1/1')));
  assert.equal(byId(entities, '44823').addresses.filter((a) => a.city === 'Moscow').length, 2);
  assert.ok(report.warnings.some((w) => w.startsWith('add.csv:') && w.includes('no primary record')));
});
