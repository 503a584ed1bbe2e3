import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { source } from '../../../src/lists/sources/us-bis-dpl/index.ts';
import { dplEntryId } from '../../../src/lists/sources/us-bis-dpl/map.ts';
import { listFile, skipWithoutLists } from '../../support/lists-dir.ts';
import { collect, FIXTURES, tempFile } from './collect-entities.ts';

const FIXTURE = join(FIXTURES, 'us-bis-dpl/dpl.txt');

test('rows of one order (one per address) become one entity', async () => {
  const { entities, report } = await collect(source, FIXTURE);
  assert.deepEqual([report.recordsSeen, report.recordsSkipped, entities.length], [3, 0, 2]);
  const e = entities[0]!;
  assert.equal(e.name, 'AERO PARTS EXPORT LTD');
  assert.deepEqual(e.countries, ['AE', 'JO']);
  assert.deepEqual(e.addresses, [
    { full: 'UNIT 4, 10 QUAY STREET, DUBAI, AE', city: 'DUBAI', country: 'AE' },
    { full: 'P.O. BOX 123, AMMAN, 11191, JO', city: 'AMMAN', country: 'JO' },
  ]);
  assert.equal(e.listedOn, '2019-10-31');
  assert.deepEqual(e.programs, ['Denied Persons List (DPL) - Bureau of Industry and Security']);
  assert.equal(report.publishedAt, '2019-11-03');
});

test('entryId is name + first FR citation, so a TDO renewal keeps it', async () => {
  const { entities } = await collect(source, FIXTURE);
  assert.equal(entities[0]?.entryId, dplEntryId('AERO PARTS EXPORT LTD|90 FR 11111'));
  // "90.F.R." is how BIS sometimes prints the citation; it must key like "90 F.R.".
  assert.equal(entities[1]?.entryId, dplEntryId('JOHN Q EXAMPLE|90 FR 33333'));
  const renewed = readFileSync(FIXTURE, 'utf8')
    .replaceAll('10/31/2019', '04/27/2020')
    .replaceAll('91 F.R. 22222 11/1/2029"', '91 F.R. 22222 11/1/2029, 92 F.R. 44444 4/30/2030"');
  const after = await collect(source, tempFile('dpl.txt', renewed));
  assert.equal(after.entities[0]?.entryId, entities[0]?.entryId);
  assert.equal(after.entities[0]?.listedOn, '2020-04-27');
});

test('a future Last_Update (a typo) is not taken as the publish date', async () => {
  const text = readFileSync(FIXTURE, 'utf8').replace('"2015-06-25"', '"3035-06-25"');
  const { report } = await collect(source, tempFile('dpl.txt', text));
  assert.equal(report.publishedAt, '2019-11-03');
  assert.match(report.warnings[0] ?? '', /in the future/);
});

test('a row without a name is skipped with a warning', async () => {
  const text = readFileSync(FIXTURE, 'utf8').replace('"JOHN Q EXAMPLE"', '""');
  const { entities, report } = await collect(source, tempFile('dpl.txt', text));
  assert.equal(entities.length, 1);
  assert.equal(report.recordsSkipped, 1);
  assert.match(report.warnings[0] ?? '', /no name/);
});

test('a file cut mid-row, or inside a quoted cell, throws', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  await assert.rejects(
    collect(source, tempFile('dpl.txt', text.slice(0, text.length - 60))),
    /truncated|malformed/,
  );
  await assert.rejects(collect(source, tempFile('dpl.txt', text.slice(0, text.length - 5))), /malformed CSV/);
});

test('a file that is not the DPL is refused', async () => {
  await assert.rejects(collect(source, tempFile('dpl.txt', 'a\tb\n1\t2\n')), /not a Denied Persons List/);
});

test('real DPL: 665 rows, 547 orders with unique ids, newest Last_Update 2023-11-28', {
  skip: skipWithoutLists,
}, async () => {
  const { entities, report } = await collect(source, listFile('us_bis_dpl'));
  assert.deepEqual([report.recordsSeen, report.recordsSkipped, entities.length], [665, 0, 547]);
  assert.equal(new Set(entities.map((e) => e.entryId)).size, 547);
  assert.equal(report.publishedAt, '2023-11-28');
  assert.deepEqual(report.warnings, ['row 315: Last_Update 3033-09-30 is in the future']);
});
