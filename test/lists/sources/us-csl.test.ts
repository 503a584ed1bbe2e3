import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'fflate';
import { source } from '../../../src/lists/sources/us-csl/index.ts';
import { listFile, skipWithoutLists } from '../../support/lists-dir.ts';
import { byId, collect, FIXTURES, tempFile } from './collect-entities.ts';

const CSV = join(FIXTURES, 'us-csl/consolidated.csv');
const JSON_FILE = join(FIXTURES, 'us-csl/consolidated.json');

test('CSV: maps names, aliases, DOBs, ids, countries and the sub-list as a program', async () => {
  const { entities } = await collect(source, CSV);
  const e = byId(entities, 'SDN:90001');
  assert.equal(e.kind, 'person');
  assert.equal(e.name, 'HADDAD, Karim');
  assert.deepEqual(
    e.aliases.map((a) => [a.value, a.quality]),
    [
      ['HADAD, Kareem', 'strong'],
      ['AL-HADDAD, Karim', 'strong'],
    ],
  );
  assert.deepEqual(e.birthDates, ['1975-02-03', '1976', '1970', '1971', '1972']);
  assert.deepEqual(e.identifiers, [{ type: 'passport', value: 'RL998877', country: 'LB' }]);
  assert.deepEqual(e.countries, ['LB']);
  assert.deepEqual(e.addresses, [{ full: 'Rue 5, Beirut, LB', country: 'LB' }]);
  assert.deepEqual(e.programs, [
    'Specially Designated Nationals (SDN) - Treasury Department',
    'SDGT',
    'IRAN',
  ]);
  assert.equal(e.url, 'http://example.test/sdn-info');
});

test('CSV: the same _id on two Treasury lists gives two entities, one per list', async () => {
  const { entities, report } = await collect(source, CSV);
  assert.deepEqual(
    entities.map((e) => e.entryId),
    ['SDN:90001', 'EL:a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 'CAP:90001', 'SDN:90002'],
  );
  assert.deepEqual([report.recordsSeen, report.recordsSkipped], [4, 0]);
});

test('CSV: Entity List row keeps its listing date and loses the "and" joining its aliases', async () => {
  const { entities } = await collect(source, CSV);
  const e = byId(entities, 'EL:a1b2c3d4e5f60718293a4b5c6d7e8f9012345678');
  assert.equal(e.kind, 'unknown');
  assert.equal(e.listedOn, '2021-05-06');
  assert.deepEqual(
    e.aliases.map((a) => a.value),
    ['QOW', 'Quantum Optics Research Institute'],
  );
  assert.deepEqual(e.programs, ['Entity List (EL) - Bureau of Industry and Security']);
  assert.deepEqual(e.countries, ['CN']);
});

test('CSV: vessel identifiers (IMO, MMSI)', async () => {
  const { entities } = await collect(source, CSV);
  const e = byId(entities, 'SDN:90002');
  assert.equal(e.kind, 'vessel');
  assert.deepEqual(e.identifiers, [
    { type: 'imo', value: '9222222' },
    { type: 'mmsi', value: '422000000' },
  ]);
});

test('a repeated list + _id row is skipped with a warning', async () => {
  const text = readFileSync(CSV, 'utf8');
  const lines = text.trimEnd().split('\n');
  const doubled = `${[...lines, lines[1]].join('\n')}\n`;
  const { entities, report } = await collect(source, tempFile('consolidated.csv', doubled));
  assert.equal(entities.length, 4);
  assert.deepEqual([report.recordsSeen, report.recordsSkipped], [5, 1]);
  assert.match(report.warnings[0] ?? '', /SDN:90001: duplicate/);
});

test('gzip CSV gives the same entities; a truncated gzip throws', async () => {
  const gz = gzipSync(readFileSync(CSV));
  const plain = await collect(source, CSV);
  const zipped = await collect(source, tempFile('consolidated.csv.gz', gz));
  assert.deepEqual(zipped.entities, plain.entities);
  await assert.rejects(collect(source, tempFile('consolidated.csv.gz', gz.slice(0, gz.length - 10))), /gzip/);
});

test('CSV cut mid-row or inside a quoted cell throws', async () => {
  const text = readFileSync(CSV, 'utf8');
  await assert.rejects(
    collect(source, tempFile('consolidated.csv', text.slice(0, text.length - 40))),
    /truncated|malformed/,
  );
  const cut = text.slice(0, text.indexOf('Rue 5') + 3);
  await assert.rejects(collect(source, tempFile('consolidated.csv', cut)), /malformed CSV|truncated/);
});

test('JSON: streamed results map like the CSV rows', async () => {
  const { entities, report } = await collect(source, JSON_FILE);
  assert.deepEqual([report.recordsSeen, entities.length], [2, 2]);
  const e = byId(entities, 'SDN:90001');
  assert.deepEqual(e.identifiers, [{ type: 'passport', value: 'RL998877', country: 'LB' }]);
  assert.deepEqual(e.addresses, [{ full: 'Rue 5, Beirut, LB', city: 'Beirut', country: 'LB' }]);
  assert.equal(e.remarks, 'Invented, with a "quoted" word and a } brace.');
  assert.deepEqual(e.birthDates, ['1975-02-03']);
  assert.equal(byId(entities, 'EL:a1b2c3d4e5f60718293a4b5c6d7e8f9012345678').listedOn, '2021-05-06');
});

test('JSON: truncated or malformed documents throw', async () => {
  const text = readFileSync(JSON_FILE, 'utf8');
  await assert.rejects(
    collect(source, tempFile('consolidated.json', text.slice(0, text.length - 20))),
    /truncated/,
  );
  const broken = text.replace('"type": "Individual",', '"type": Individual,');
  await assert.rejects(collect(source, tempFile('consolidated.json', broken)), /malformed result/);
  await assert.rejects(collect(source, tempFile('consolidated.json', '{"total": 0}')), /no "results"/);
});

test('a folder with CSV and JSON reads only the CSV', async () => {
  const { entities } = await collect(source, join(FIXTURES, 'us-csl'));
  assert.equal(entities.length, 4);
});

test('real CSL: 14,160 rows by sub-list; one repeated CAP row', { skip: skipWithoutLists }, async () => {
  const { entities, report } = await collect(source, listFile('us_csl/consolidated.csv.gz'));
  assert.deepEqual([report.recordsSeen, report.recordsSkipped], [14160, 1]);
  assert.deepEqual(report.warnings, ['CAP:15268: duplicate row, first one kept']);
  const perList: Record<string, number> = {};
  for (const e of entities) {
    const code = e.entryId.split(':')[0] ?? '';
    perList[code] = (perList[code] ?? 0) + 1;
  }
  // PROVENANCE counts rows; CAP has 53 rows of which one repeats another exactly.
  assert.deepEqual(perList, {
    SDN: 10026,
    EL: 2001,
    DTC: 727,
    DPL: 462,
    SSI: 290,
    UVL: 201,
    ISN: 163,
    PLC: 78,
    MEU: 71,
    CMIC: 68,
    CAP: 52,
    'NS-MBS': 17,
    FSE: 3,
  });
  assert.equal(new Set(entities.map((e) => e.entryId)).size, entities.length);
});
