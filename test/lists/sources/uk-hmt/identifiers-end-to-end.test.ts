import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ListEntity } from '../../../../src/entity/list-entity.ts';
import { emptyDesignation } from '../../../../src/lists/sources/uk-hmt/fcdo-designation.ts';
import { mapFcdoDesignation } from '../../../../src/lists/sources/uk-hmt/fcdo-map.ts';
import { source } from '../../../../src/lists/sources/uk-hmt/index.ts';
import { buildIndex } from '../../../../src/parties/index.ts';
import { listFile, skipWithoutLists } from '../../../support/lists-dir.ts';
import { byId, collect, FIXTURES } from '../collect-entities.ts';

/** Hand-written ConList rows (invented values) whose identifiers are stated only in text cells. */
const STATED = join(FIXTURES, 'uk-hmt/ConList-stated-ids.csv');

test('ConList: numbers stated in Other Information and national ID cells become identifiers', async () => {
  const { entities } = await collect(source, STATED);
  assert.deepEqual(byId(entities, '91001').identifiers, [
    { type: 'kpp', value: '770901001', country: 'RU' },
    { type: 'website', value: 'http://northwind.invalid' },
    { type: 'ogrn', value: '1027799990008', country: 'RU' },
    { type: 'tax_id', value: '7709990008', label: 'TIN' },
  ]);
  assert.deepEqual(byId(entities, '91002').identifiers, [{ type: 'imo', value: '9123453' }]);
  assert.deepEqual(byId(entities, '91003').identifiers, [
    { type: 'tax_id', value: '100200300400', label: 'TRN' },
    { type: 'inn', value: '770999000123', country: 'RU' },
  ]);
  assert.deepEqual(byId(entities, '91004').identifiers, [
    { type: 'registration', value: '170400000001', country: 'KZ', label: 'BIN' },
    { type: 'registration', value: '12345678', label: 'Business Reg No' },
  ]);
  // Officers read the remark as the list printed it.
  const printed = readFileSync(STATED, 'utf8');
  for (const e of entities)
    assert.ok(printed.includes(e.remarks ?? '-'), `${e.entryId} remark kept as printed`);
});

test('FCDO: registration and national ID cells filled the ConList way are split by label', () => {
  const d = emptyDesignation('RUS9301');
  Object.assign(d, {
    type: 'Entity',
    names: [{ parts: ['', '', '', '', '', 'NORTHWIND LLC'], type: 'Primary Name', strength: '' }],
  });
  d.businessRegistrations = ['(1) OGRN: 1027799990008 (2) TIN: 7709990008', '12345678'];
  d.otherInformation = 'Invented. SWIFT/BIC: ABCDRUMM';
  const e = mapFcdoDesignation(d) as ListEntity;
  assert.deepEqual(e.identifiers, [
    { type: 'ogrn', value: '1027799990008', country: 'RU' },
    { type: 'tax_id', value: '7709990008', label: 'TIN' },
    { type: 'registration', value: '12345678' },
    { type: 'swift', value: 'ABCDRUMM' },
  ]);
  assert.equal(e.remarks, 'Invented. SWIFT/BIC: ABCDRUMM');
});

test('a UK-only ship screened with its IMO gets identifier agreement through the index', async () => {
  const { entities } = await collect(source, STATED);
  const index = buildIndex(entities);
  const ship = index
    .search({
      name: 'Northwind Star',
      kind: 'vessel',
      identifiers: [{ scheme: 'IMO', value: 'IMO 9123453' }],
    })
    .find((h) => h.entryId === '91002');
  assert.ok(ship, 'the ship is found');
  assert.equal(ship.evidence.identifiers.score, 1, ship.evidence.identifiers.detail);
  // The INN filed as a national ID meets an ERP's INN, even under a name the list does not know.
  const person = index
    .search({ name: 'O. Sokolov-Smith', identifiers: [{ scheme: 'inn', value: '770999000123' }] })
    .find((h) => h.entryId === '91003');
  assert.equal(person?.evidence.identifiers.score, 1);
});

/** Identifiers per scheme in the real ConList of 10/04/2025; a parser change that loses some shows here. */
const REAL_COUNTS = {
  email: 407,
  imo: 28,
  inn: 79,
  kpp: 18,
  lei: 1,
  national_id: 332,
  ogrn: 69,
  other: 5,
  passport: 651,
  phone: 632,
  registration: 143,
  swift: 6,
  tax_id: 90,
  website: 394,
};

test('real OFSI ConList: identifiers per scheme, and every ship screened by its IMO agrees', {
  skip: skipWithoutLists,
}, async () => {
  const { entities } = await collect(source, listFile('uk_ofsi/UK_Sanctions_List.xlsx.converted.csv'));
  const counts: Record<string, number> = {};
  for (const id of entities.flatMap((e) => e.identifiers)) counts[id.type] = (counts[id.type] ?? 0) + 1;
  assert.deepEqual(counts, REAL_COUNTS);
  const ships = entities.filter((e) => e.kind === 'vessel');
  assert.equal(ships.length, 15);
  const index = buildIndex(entities);
  for (const ship of ships) {
    const imo = ship.identifiers.find((id) => id.type === 'imo');
    assert.ok(imo, `${ship.entryId} ${ship.name} has its IMO number`);
    const hit = index
      .search({ name: ship.name, kind: 'vessel', identifiers: [{ scheme: 'imo', value: imo.value }] })
      .find((h) => h.entryId === ship.entryId);
    assert.equal(hit?.evidence.identifiers.score, 1, `${ship.entryId} agrees on IMO`);
  }
});
