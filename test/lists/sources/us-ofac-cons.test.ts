import assert from 'node:assert/strict';
import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { type ListEntity, newParseReport, type ParseReport } from '../../../src/entity/list-entity.ts';
import { source } from '../../../src/lists/sources/us-ofac-cons/index.ts';
import { listFile, skipWithoutLists } from '../../support/lists-dir.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/us-ofac-cons');

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

/** The fixture XML zipped at test time, so no binary file sits in the repo. */
async function zipFixture(): Promise<Uint8Array> {
  const xml = await readFile(join(FIXTURES, 'xml', 'CONS_ENHANCED.XML'));
  return zipSync({ 'CONS_ENHANCED.XML': new Uint8Array(xml) });
}

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ofac-cons-'));
}

test('download declares the CONS_*.CSV set on the list service', () => {
  assert.deepEqual(
    source.files.map((f) => f.url.split('/').pop()),
    ['CONS_PRIM.CSV', 'CONS_ADD.CSV', 'CONS_ALT.CSV', 'CONS_COMMENTS.CSV'],
  );
  assert.equal(source.id, 'us-ofac-cons');
});

test('CONS CSV set: person DOB, bank SWIFT/LEI/INN, fka alias, two programs', async () => {
  const { entities, report } = await collect(join(FIXTURES, 'csv'));
  assert.deepEqual([report.recordsSeen, report.recordsSkipped], [2, 0]);
  const person = byId(entities, '91001');
  assert.deepEqual([person.source, person.kind, person.birthDates], ['us-ofac-cons', 'person', ['1962']]);
  const bank = byId(entities, '91002');
  assert.equal(bank.kind, 'organization');
  assert.deepEqual(bank.programs, ['UKRAINE-EO13662', 'RUSSIA-EO14024']);
  assert.deepEqual(
    bank.identifiers.map((i) => [i.type, i.value]),
    [
      ['swift', 'FICTRUMM'],
      ['lei', '253400ABCDEFGHIJ1234'],
      ['inn', '7700000000'],
    ],
  );
  assert.deepEqual(bank.aliases, [{ value: 'FICTIVE BANK OJSC', quality: 'strong', script: 'Latn' }]);
  assert.deepEqual(bank.countries, ['RU']);
});

test('CONS_ENHANCED.ZIP alone: streamed out of the zip, dataAsOf becomes publishedAt', async () => {
  const dir = await tempDir();
  const zip = join(dir, 'CONS_ENHANCED.ZIP');
  await writeFile(zip, await zipFixture());
  const { entities, report } = await collect(zip);
  assert.deepEqual([report.recordsSeen, report.publishedAt], [2, '2025-01-10']);
  const company = byId(entities, '91201');
  assert.equal(company.name, 'PRIMER TRADE DOO BEOGRAD');
  assert.equal(company.source, 'us-ofac-cons');
  assert.ok(company.aliases.some((a) => a.quality === 'weak' && a.value === 'PT'));
  assert.deepEqual(byId(entities, '91202').countries, ['RU']);
});

test('a directory with both the CSV set and the zip reads the CSV set', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, 'CONS_ENHANCED.ZIP'), await zipFixture());
  await writeFile(join(dir, 'CONS_PRIM.CSV'), await readFile(join(FIXTURES, 'csv', 'cons_prim.csv')));
  const { entities, report } = await collect(dir);
  assert.deepEqual(entities.map((e) => e.entryId).sort(), ['91001', '91002']);
  assert.equal(report.publishedAt, undefined);
});

test('a directory holding only the zip reads the zip', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, 'cons_enhanced.zip'), await zipFixture());
  const { entities } = await collect(dir);
  assert.deepEqual(entities.map((e) => e.entryId).sort(), ['91201', '91202']);
});

test('a file that is not a zip throws', async () => {
  const dir = await tempDir();
  const path = join(dir, 'CONS_ENHANCED.ZIP');
  await writeFile(path, 'this is not a zip archive at all');
  await assert.rejects(collect(path), /CONS_ENHANCED\.ZIP: bad zip/);
});

test('a truncated zip throws', async () => {
  const dir = await tempDir();
  const path = join(dir, 'CONS_ENHANCED.ZIP');
  const zip = await zipFixture();
  await writeFile(path, zip.subarray(0, Math.floor(zip.length / 2)));
  await assert.rejects(collect(path), /CONS_ENHANCED\.ZIP: (bad zip|malformed XML)/);
});

test('real cons_prim.csv set: 442 records, none skipped', { skip: skipWithoutLists }, async () => {
  const { entities, report } = await collect(listFile('ofac_cons'));
  assert.deepEqual([report.recordsSeen, report.recordsSkipped, entities.length], [442, 0, 442]);
  assert.ok(entities.every((e) => e.source === 'us-ofac-cons' && e.name.length > 0));
  // The CSV set won over the zip that sits in the same folder: only the XML carries a publish date.
  assert.equal(report.publishedAt, undefined);
});

test('real CONS_ENHANCED.ZIP: 443 entities, dataAsOf 2025-01-10', { skip: skipWithoutLists }, async () => {
  const { entities, report } = await collect(listFile('ofac_cons', 'CONS_ENHANCED.ZIP'));
  assert.deepEqual([report.recordsSeen, report.recordsSkipped, entities.length], [443, 0, 443]);
  assert.equal(report.publishedAt, '2025-01-10');
  assert.ok(entities.some((e) => e.aliases.some((a) => a.script === 'Cyrl')));
});

test('real files: the CSV set and the zip agree on a shared entry', { skip: skipWithoutLists }, async () => {
  const dir = await tempDir();
  await symlink(listFile('ofac_cons', 'cons_prim.csv'), join(dir, 'cons_prim.csv'));
  const csv = (await collect(dir)).entities;
  const xml = (await collect(listFile('ofac_cons', 'CONS_ENHANCED.ZIP'))).entities;
  const shared = csv.filter((e) => xml.some((x) => x.entryId === e.entryId));
  assert.ok(shared.length > 400);
  let sameName = 0;
  for (const e of shared) if (byId(xml, e.entryId).name === e.name) sameName++;
  assert.ok(sameName / shared.length > 0.95, `${sameName} of ${shared.length} names agree`);
});
