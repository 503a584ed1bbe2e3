import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { source } from '../../../src/lists/sources/un-sc/index.ts';
import { listFile, skipWithoutLists } from '../../support/lists-dir.ts';
import { byId, collect, FIXTURES, tempFile } from './collect-entities.ts';

const FIXTURE = join(FIXTURES, 'un-sc/consolidated.xml');

test('maps an individual: name parts, graded aliases, original script, DOB, documents, countries', async () => {
  const { entities, report } = await collect(source, FIXTURE);
  const e = byId(entities, 'QDi.901');
  assert.equal(e.source, 'un-sc');
  assert.equal(e.kind, 'person');
  assert.equal(e.name, 'TAREK OSMAN AL-FARSI');
  assert.deepEqual(e.aliases, [
    { value: 'Abu Tarek', quality: 'strong', script: 'Latn' },
    { value: 'The Engineer', quality: 'weak', script: 'Latn' },
    { value: 'طارق عثمان الفارسي', quality: 'strong', script: 'Arab' },
  ]);
  assert.deepEqual(e.birthDates, ['1970-05-12']);
  assert.deepEqual(e.identifiers, [
    { type: 'passport', value: 'Y1234567', country: 'YE' },
    { type: 'national_id', value: '01-2345-678' },
  ]);
  assert.deepEqual(e.countries, ['YE']);
  assert.deepEqual(e.addresses, [{ full: '12 Harbour Road, Aden, Yemen', city: 'Aden', country: 'YE' }]);
  assert.deepEqual(e.programs, ['Al-Qaida']);
  assert.equal(e.listedOn, '2011-03-04');
  assert.equal(e.remarks, 'Invented record for tests.');
  assert.equal(report.publishedAt, '2030-01-15T08:30:00.000Z');
});

test('expands a BETWEEN birth range and ignores empty alias placeholders', async () => {
  const { entities } = await collect(source, FIXTURE);
  const e = byId(entities, 'CDi.901');
  assert.deepEqual(e.birthDates, ['1980', '1981', '1982']);
  assert.deepEqual(e.aliases, []);
  assert.deepEqual(e.identifiers, []);
});

test('maps an entity with its f.k.a. as a strong alias and its address country', async () => {
  const { entities, report } = await collect(source, FIXTURE);
  const e = byId(entities, 'CDe.901');
  assert.equal(e.kind, 'organization');
  assert.deepEqual(e.aliases, [{ value: 'NLTC', quality: 'strong', script: 'Latn' }]);
  assert.deepEqual(e.countries, ['CD']);
  assert.deepEqual([report.recordsSeen, report.recordsSkipped, entities.length], [3, 0, 3]);
});

test('an entity takes the BIC and IMO company number its comments state, and keeps the comment', async () => {
  const comment = 'Invented. SWIFT/BIC: ABCDKPPY. IMO number: 5500039. Bin Omar, a TIN miner.';
  const xml = readFileSync(FIXTURE, 'utf8').replace(
    '<LISTED_ON>2008-11-20</LISTED_ON>',
    `<LISTED_ON>2008-11-20</LISTED_ON><COMMENTS1>${comment}</COMMENTS1>`,
  );
  const { entities } = await collect(source, tempFile('consolidated.xml', xml));
  const e = byId(entities, 'CDe.901');
  assert.deepEqual(e.identifiers, [
    { type: 'swift', value: 'ABCDKPPY' },
    { type: 'imo', value: '5500039' },
  ]);
  assert.equal(e.remarks, comment);
});

test('a record without a name is skipped with a warning', async () => {
  const xml = readFileSync(FIXTURE, 'utf8')
    .replace('<FIRST_NAME>MARIE</FIRST_NAME>', '<FIRST_NAME/>')
    .replace('<SECOND_NAME>KABANGA</SECOND_NAME>', '');
  const { entities, report } = await collect(source, tempFile('consolidated.xml', xml));
  assert.equal(entities.length, 2);
  assert.equal(report.recordsSkipped, 1);
  assert.match(report.warnings[0] ?? '', /CDi\.901: no name/);
});

test('a truncated file throws', async () => {
  const xml = readFileSync(FIXTURE, 'utf8');
  const cut = tempFile('consolidated.xml', xml.slice(0, xml.indexOf('<ENTITIES>') + 40));
  await assert.rejects(collect(source, cut), /truncated/);
});

test('malformed XML throws', async () => {
  const xml = readFileSync(FIXTURE, 'utf8').replace('</SECOND_NAME>', '</SECOND>');
  await assert.rejects(collect(source, tempFile('consolidated.xml', xml)), /malformed XML/);
});

test('a different XML document is refused rather than read as an empty list', async () => {
  await assert.rejects(
    collect(source, tempFile('consolidated.xml', '<sdnList></sdnList>')),
    /not a UN consolidated list/,
  );
});

test('real UN file: 1003 records, 730 individuals and 273 entities, unique reference numbers', {
  skip: skipWithoutLists,
}, async () => {
  const { entities, report } = await collect(source, listFile('un_sc'));
  assert.equal(report.recordsSeen, 1003);
  assert.equal(report.recordsSkipped, 0);
  assert.equal(entities.filter((e) => e.kind === 'person').length, 730);
  assert.equal(entities.filter((e) => e.kind === 'organization').length, 273);
  assert.equal(new Set(entities.map((e) => e.entryId)).size, 1003);
  assert.equal(report.publishedAt, '2026-02-27T00:00:09.554Z');
});

test('real UN file: identifiers per scheme, comments included', { skip: skipWithoutLists }, async () => {
  const { entities } = await collect(source, listFile('un_sc'));
  const counts: Record<string, number> = {};
  for (const id of entities.flatMap((e) => e.identifiers)) counts[id.type] = (counts[id.type] ?? 0) + 1;
  // 15 IMO company numbers and 5 BICs come from entity comments; documents give the rest.
  assert.deepEqual(counts, { imo: 15, national_id: 139, passport: 309, swift: 5 });
});
