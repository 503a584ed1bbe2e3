import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { type ListEntity, newParseReport, type ParseReport } from '../../../src/entity/list-entity.ts';
import { source } from '../../../src/lists/sources/eu-oj/index.ts';
import { actLabel } from '../../../src/lists/sources/eu-oj/map.ts';
import { splitCellValues } from '../../../src/lists/sources/eu-oj/parse.ts';
import { countriesIn } from '../../../src/lists/sources/eu-oj/places.ts';
import { listFile, skipWithoutLists } from '../../support/lists-dir.ts';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/eu-oj');

async function readAll(path: string): Promise<{ entities: ListEntity[]; report: ParseReport }> {
  const report = newParseReport();
  const entities: ListEntity[] = [];
  for await (const e of source.read(path, report)) entities.push(e);
  return { entities, report };
}

function byId(entities: ListEntity[], id: string): ListEntity {
  const found = entities.find((e) => e.entryId === id);
  assert.ok(found, `no entity ${id}; have ${entities.map((e) => e.entryId).join(', ')}`);
  return found;
}

test('eu-oj: a person row maps names, aliases, nationalities, DOBs, passport, program and listing date', async () => {
  const { entities } = await readAll(resolve(FIXTURES, 'good/consolidated/32014R0269.csv'));
  const p = byId(entities, '32014R0269:I.PERSONS:1');
  assert.equal(p.kind, 'person');
  assert.equal(p.name, 'Ivan Testovich PRIMEROV');
  assert.deepEqual(p.aliases, [
    { value: 'Иван Тестович ПРИМЕРОВ', quality: 'strong', script: 'Cyrl' },
    { value: 'Vanya', quality: 'weak', script: 'Latn' },
  ]);
  assert.deepEqual(p.countries, ['RU', 'UA']);
  assert.deepEqual(p.birthDates, ['1944-04-04', '1945']);
  assert.deepEqual(p.identifiers, [{ type: 'passport', value: 'AB1234567', label: 'Russian passport' }]);
  assert.deepEqual(p.programs, ['EU Reg. 269/2014 Annex I.PERSONS', 'EU-UKR']);
  assert.equal(p.listedOn, '2022-02-23');
  assert.match(p.remarks ?? '', /Director of the Test Institute/);
  assert.match(p.remarks ?? '', /Invented reason/);
  assert.equal(p.url, 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32014R0269');
  const company = byId(entities, '32014R0269:I.ENTITIES:2');
  assert.deepEqual(company.identifiers, [
    { type: 'inn', value: '7700000002' },
    { type: 'ogrn', value: '1027700000003' },
  ]);
});

test('eu-oj: a row without a name is skipped with a warning, not dropped silently', async () => {
  const { entities, report } = await readAll(resolve(FIXTURES, 'good/consolidated/32014R0269.csv'));
  assert.equal(report.recordsSeen, 3);
  assert.equal(report.recordsSkipped, 1);
  assert.equal(entities.length, 2);
  assert.match(report.warnings.join('\n'), /row 3: no name/);
});

test('eu-oj: annex numbering restarts per annex, so ids carry the annex; unnumbered rows key by name', async () => {
  const { entities } = await readAll(resolve(FIXTURES, 'good/consolidated/32014R0833.csv'));
  assert.equal(byId(entities, '32014R0833:III:1').name, 'NORTHWIND TEST BANK');
  const iv = byId(entities, '32014R0833:IV:1');
  assert.equal(iv.name, 'JSC Example Instruments');
  assert.deepEqual(iv.programs, ['EU Reg. 833/2014 Annex IV', 'EU-RUS']);
  assert.equal(iv.listedOn, '2014-09-12');
  assert.deepEqual(iv.countries, ['RU']);
  assert.deepEqual(
    iv.aliases.map((a) => a.value),
    ['Акционерное общество «Пример»', 'Example Instruments JSC'],
  );
  assert.deepEqual(iv.identifiers, [
    { type: 'inn', value: '7700000001', label: 'Tax ID/INN' },
    { type: 'website', value: 'www.example-instruments.test' },
  ]);
  assert.equal(byId(entities, '32014R0833:XIV:~example-settlement-bank').listedOn, '2022-06-14');
  const vessel = byId(entities, '32014R0833:XLII:5');
  assert.equal(vessel.kind, 'vessel');
  assert.deepEqual(vessel.identifiers, [{ type: 'imo', value: '9000001' }]);
  assert.deepEqual(vessel.countries, ['CM']);
});

test('eu-oj: a quoted value inside a multi-valued cell is not split on its own semicolon', async () => {
  assert.deepEqual(splitCellValues('"a@x.test; b@x.test"; c@x.test'), ['a@x.test; b@x.test', 'c@x.test']);
  assert.deepEqual(splitCellValues('say ""hi""; two'), ['say hi', 'two']);
  const { entities } = await readAll(resolve(FIXTURES, 'good/consolidated/32014R0833.csv'));
  const zeta = byId(entities, '32014R0833:IV:2');
  assert.deepEqual(
    zeta.identifiers.filter((i) => i.type === 'email').map((i) => i.value),
    ['sales@zeta.test; info@zeta.test', 'office@zeta.test'],
  );
  assert.equal(zeta.listedOn, '2024-12-17');
  assert.deepEqual(zeta.addresses, [{ full: 'Testna 5, Belgrade 11000, Serbia', country: 'RS' }]);
});

test('eu-oj: a directory combines consolidated texts and amendments without double-counting', async () => {
  const { entities, report } = await readAll(resolve(FIXTURES, 'good'));
  assert.equal(report.recordsSeen, 12);
  assert.equal(report.recordsSkipped, 1);
  // 12 rows − 1 unnamed − 1 consolidated row replaced by the amendment's newer wording.
  assert.equal(entities.length, 10);
  const zeta = entities.filter((e) => e.entryId === '32014R0833:IV:2');
  assert.equal(zeta.length, 1);
  assert.equal(zeta[0]?.name, 'ZETA TECH D.O.O');
  assert.deepEqual(
    zeta[0]?.aliases.map((a) => a.value),
    ['ZETA TRADING D.O.O'],
  );
  assert.equal(zeta[0]?.url, 'https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:32026R9001');
  assert.equal(byId(entities, '32014R0833:IV:3').listedOn, '2026-07-24');
  assert.deepEqual(byId(entities, '32014R0833:IV:3').countries, ['HK']);
  assert.equal(new Set(entities.map((e) => e.entryId)).size, entities.length);
  assert.equal(byId(entities, '32014R0833:XLII:6#2').name, 'DOUBLE LISTED');
  assert.match(report.warnings.join('\n'), /1 consolidated row\(s\) replaced/);
});

test('eu-oj: printed nationalities resolve whether a country name, adjectives or a lettered list', () => {
  assert.deepEqual(countriesIn('Democratic Republic of the Congo'), ['CD']);
  assert.deepEqual(countriesIn('a) Syrian b) Palestinian'), ['SY', 'PS']);
  assert.deepEqual(countriesIn('Italian since 1990'), ['IT']);
  assert.deepEqual(countriesIn('Myanmar/Burma'), ['MM']);
  assert.deepEqual(countriesIn('Atlantean'), []);
});

test('eu-oj: CELEX numbers become the act names people cite', () => {
  assert.equal(actLabel('32014R0833'), 'EU Reg. 833/2014');
  assert.equal(actLabel('32015R0735'), 'EU Reg. 2015/735');
  assert.equal(actLabel('32010D0573'), 'EU Dec. 2010/573');
});

test('eu-oj: truncated, ragged and foreign files throw a clear error', async () => {
  await assert.rejects(
    readAll(resolve(FIXTURES, 'bad/truncated.csv')),
    /truncated\.csv: malformed or truncated/,
  );
  await assert.rejects(readAll(resolve(FIXTURES, 'bad/ragged.csv')), /ragged\.csv: malformed or truncated/);
  await assert.rejects(readAll(resolve(FIXTURES, 'bad/wrong-header.csv')), /not an EU Official Journal CSV/);
});

/** Per-file row counts from PROVENANCE.md ("| `eu_oj_opensanctions/…csv` | … | 2802 rows | …"). */
async function provenanceCounts(): Promise<Map<string, number>> {
  const text = await readFile(listFile('PROVENANCE.md'), 'utf8');
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/^\| `(eu_oj_opensanctions\/[^`]+\.csv)` \|.*?\| ([\d,]+) rows \|/gm)) {
    counts.set(m[1] ?? '', Number((m[2] ?? '').replace(/,/g, '')));
  }
  return counts;
}

test('eu-oj real files: every file has the row count PROVENANCE.md records', {
  skip: skipWithoutLists,
}, async () => {
  const counts = await provenanceCounts();
  // 45 framework acts + 11 amending acts.
  assert.equal(counts.size, 56);
  assert.equal(counts.get('eu_oj_opensanctions/consolidated/32014R0269.csv'), 2802);
  for (const [file, expected] of counts) {
    const { report } = await readAll(listFile(file));
    assert.equal(report.recordsSeen, expected, file);
    assert.equal(report.recordsSkipped, 0, file);
  }
});

test('eu-oj real files: Kominvex and Soha Info are findable by id in Annex IV of 833/2014', {
  skip: skipWithoutLists,
}, async () => {
  const { entities, report } = await readAll(listFile('eu_oj_opensanctions/consolidated/32014R0833.csv'));
  assert.equal(report.recordsSeen, 1746);
  assert.equal(entities.filter((e) => e.programs.includes('EU Reg. 833/2014 Annex IV')).length, 921);
  const kominvex = byId(entities, '32014R0833:IV:689');
  assert.equal(kominvex.name, 'KOMINVEX D.O.O BEOGRAD');
  assert.equal(kominvex.listedOn, '2024-12-17');
  assert.ok(kominvex.programs.includes('EU Reg. 833/2014 Annex IV'));
  assert.ok(kominvex.countries.includes('RS'));
  const soha = byId(entities, '32014R0833:IV:690');
  assert.equal(soha.name, 'SOHA INFO D.O.O');
  assert.equal(soha.listedOn, '2024-12-17');
  assert.ok(soha.programs.includes('EU Reg. 833/2014 Annex IV'));
});

test('eu-oj real files: the whole folder reads every row once, ids unique', {
  skip: skipWithoutLists,
}, async () => {
  const counts = await provenanceCounts();
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const { entities, report } = await readAll(listFile('eu_oj_opensanctions'));
  assert.equal(report.recordsSeen, total);
  assert.equal(new Set(entities.map((e) => e.entryId)).size, entities.length);
  const replaced = Number(/(\d+) consolidated row/.exec(report.warnings.join('\n'))?.[1] ?? 0);
  assert.equal(entities.length, total - report.recordsSkipped - replaced);
  assert.ok(entities.some((e) => e.entryId === '32014R0833:IV:689'));
});
