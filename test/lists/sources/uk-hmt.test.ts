import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { source } from '../../../src/lists/sources/uk-hmt/index.ts';
import { listFile, skipWithoutLists } from '../../support/lists-dir.ts';
import { byId, collect, FIXTURES, tempFile } from './collect-entities.ts';
import { xlsxFromCsv } from './xlsx-fixture.ts';

const CONLIST = join(FIXTURES, 'uk-hmt/ConList.csv');
const FCDO_CSV = join(FIXTURES, 'uk-hmt/UK-Sanctions-List.csv');
const FCDO_XML = join(FIXTURES, 'uk-hmt/UK-Sanctions-List.xml');
const conListText = () => readFileSync(CONLIST, 'utf8');

test('ConList: rows of one Group ID, not adjacent, become one entity with graded aliases', async () => {
  const { entities, report } = await collect(source, CONLIST);
  assert.deepEqual(
    entities.map((e) => e.entryId),
    ['90002', '90003', '90001'],
  );
  const e = byId(entities, '90001');
  assert.equal(e.kind, 'person');
  assert.equal(e.name, 'Pavel Sergeyevich ABRAMOV');
  assert.deepEqual(e.aliases, [
    { value: 'Павел Сергеевич Абрамов', quality: 'strong', script: 'Cyrl' },
    { value: 'Paul ABRAMOFF', quality: 'weak', script: 'Latn' },
    { value: 'Pavel ABRAMOV', quality: 'strong', script: 'Latn' },
  ]);
  assert.deepEqual(e.birthDates, ['1968-07-14', '1968', '1968-07']);
  assert.deepEqual(e.countries, ['RU', 'CY']);
  assert.deepEqual(e.identifiers, [
    { type: 'passport', value: '7100001' },
    { type: 'passport', value: '7100002' },
  ]);
  assert.deepEqual(e.addresses, [
    { full: '1 Lenina Street, Moscow, 101000, Russia', city: 'Moscow', country: 'RU' },
  ]);
  assert.deepEqual(e.programs, ['Russia']);
  assert.equal(e.listedOn, '2022-03-15');
  assert.match(e.remarks ?? '', /RUS9001/);
  assert.deepEqual([report.recordsSeen, report.recordsSkipped, report.publishedAt], [5, 0, '2030-03-02']);
});

test('ConList: ships are vessels and take their IMO number from Other Information', async () => {
  const { entities } = await collect(source, CONLIST);
  const ship = byId(entities, '90003');
  assert.equal(ship.kind, 'vessel');
  assert.deepEqual(ship.identifiers, [{ type: 'imo', value: '9876543' }]);
  assert.equal(byId(entities, '90002').kind, 'organization');
  assert.deepEqual(byId(entities, '90002').countries, ['CY']);
});

test('ConList: the XLSX gives exactly the entities of the CSV', async () => {
  const xlsx = tempFile('ConList.xlsx', xlsxFromCsv(conListText()));
  const fromXlsx = await collect(source, xlsx);
  const fromCsv = await collect(source, CONLIST);
  assert.deepEqual(fromXlsx.entities, fromCsv.entities);
  assert.deepEqual(fromXlsx.report, fromCsv.report);
});

test('a directory with the CSV and the XLSX reads only one of them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tradescreen-uk-'));
  copyFileSync(CONLIST, join(dir, 'ConList.csv'));
  writeFileSync(join(dir, 'ConList.xlsx'), xlsxFromCsv(conListText()));
  copyFileSync(FCDO_XML, join(dir, 'UK-Sanctions-List.xml'));
  const { entities, report } = await collect(source, dir);
  assert.equal(entities.length, 3);
  assert.equal(report.recordsSeen, 5);
});

test('ConList: a row without Group ID is skipped with a warning', async () => {
  const text = conListText().replace(/,90003\n/, ',\n');
  const { entities, report } = await collect(source, tempFile('ConList.csv', text));
  assert.equal(entities.length, 2);
  assert.equal(report.recordsSkipped, 1);
  assert.match(report.warnings[0] ?? '', /no Group ID/);
});

test('ConList: a CSV cut mid-row throws', async () => {
  const text = conListText();
  await assert.rejects(
    collect(source, tempFile('ConList.csv', text.slice(0, text.length - 60))),
    /cells, the header has/,
  );
});

test('ConList: a CSV cut inside a quoted cell throws', async () => {
  const text = conListText().replace('IMO 9876543. Invented.', '"IMO 9876543. Invented.');
  await assert.rejects(collect(source, tempFile('ConList.csv', text)), /malformed CSV/);
});

test('ConList: a truncated XLSX throws', async () => {
  // Cut inside the worksheet: a zip read as a stream needs no central directory, so cutting only that is no loss.
  const xlsx = xlsxFromCsv(conListText());
  await assert.rejects(
    collect(source, tempFile('ConList.xlsx', xlsx.slice(0, Math.floor(xlsx.length / 2)))),
    /truncated/,
  );
});

test('ConList: an XLSX whose sheet is not well-formed XML throws', async () => {
  const { unzipSync, zipSync, strToU8 } = await import('fflate');
  const parts = unzipSync(xlsxFromCsv(conListText()));
  parts['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData><row r="1"></sheetData></worksheet>');
  await assert.rejects(collect(source, tempFile('ConList.xlsx', zipSync(parts))), /malformed XML/);
});

test('FCDO CSV: one designation per Unique ID, with ship details', async () => {
  const { entities, report } = await collect(source, FCDO_CSV);
  assert.deepEqual([report.recordsSeen, report.publishedAt], [3, '2030-03-05']);
  const person = byId(entities, 'RUS9101');
  assert.equal(person.name, 'Ivan Petrovich VOLKOV');
  assert.deepEqual(person.aliases, [
    { value: 'Ivan VOLKOFF', quality: 'weak', script: 'Latn' },
    { value: 'Иван Петрович Волков', quality: 'strong', script: 'Cyrl' },
  ]);
  assert.deepEqual(person.countries, ['RU']);
  assert.deepEqual(person.birthDates, ['1971', '1971-03-12']);
  assert.deepEqual(person.identifiers, [{ type: 'passport', value: 'P7654321' }]);
  assert.equal(person.addresses.length, 2);
  assert.equal(person.listedOn, '2022-05-10');
  const ship = byId(entities, 'RUS9102');
  assert.equal(ship.kind, 'vessel');
  assert.deepEqual(ship.identifiers, [{ type: 'imo', value: '9111111' }]);
  assert.deepEqual(ship.countries, ['PA']);
});

test('FCDO XML gives the same entities as the FCDO CSV, apart from the raw record', async () => {
  const xml = await collect(source, FCDO_XML);
  const csv = await collect(source, FCDO_CSV);
  const strip = (list: typeof xml.entities) =>
    list.map((e) => ({ ...e, raw: undefined })).sort((a, b) => a.entryId.localeCompare(b.entryId));
  assert.deepEqual(strip(xml.entities), strip(csv.entities));
  assert.equal(xml.report.publishedAt, '2030-03-05');
});

test('FCDO XML: a truncated file throws', async () => {
  const text = readFileSync(FCDO_XML, 'utf8');
  await assert.rejects(
    collect(source, tempFile('UK-Sanctions-List.xml', text.slice(0, text.length - 30))),
    /truncated/,
  );
});

test('real OFSI ConList: CSV and XLSX both give 4,686 groups from 18,796 rows', {
  skip: skipWithoutLists,
}, async () => {
  const csv = await collect(source, listFile('uk_ofsi/UK_Sanctions_List.xlsx.converted.csv'));
  const kinds = (list: typeof csv.entities, kind: string) => list.filter((e) => e.kind === kind).length;
  assert.deepEqual(
    [csv.report.recordsSeen, csv.report.recordsSkipped, csv.entities.length],
    [18796, 0, 4686],
  );
  assert.deepEqual(
    [kinds(csv.entities, 'person'), kinds(csv.entities, 'organization'), kinds(csv.entities, 'vessel')],
    [3662, 1009, 15],
  );
  assert.equal(csv.report.publishedAt, '2025-04-10');
  const xlsx = await collect(source, listFile('uk_ofsi/UK_Sanctions_List.xlsx'));
  assert.deepEqual(xlsx.report, csv.report);
  assert.deepEqual(xlsx.entities, csv.entities);
});

test('real OFSI folder holding both files is read once', { skip: skipWithoutLists }, async () => {
  const { entities, report } = await collect(source, listFile('uk_ofsi'));
  assert.deepEqual([report.recordsSeen, entities.length], [18796, 4686]);
});
