import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { parseWatchlistUpload } from '../../src/watchlists/parse-upload.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/custom');
const fixture = (name: string) => readFile(resolve(FIXTURES, name), 'utf8');

test('custom CSV: valid rows map to entities of source custom:<id>, with aliases, countries, identifiers', async () => {
  const { entities } = parseWatchlistUpload(
    await fixture('watchlist.csv'),
    'text/csv; charset=utf-8',
    'wl-7',
  );
  assert.deepEqual(
    entities.map((e) => e.entryId),
    ['C-1', 'C-5'],
  );
  const acme = entities[0];
  assert.ok(acme);
  assert.equal(acme.source, 'custom:wl-7');
  assert.equal(acme.kind, 'organization');
  assert.equal(acme.name, 'Acme Diversion Trading LLC');
  assert.deepEqual(acme.aliases, [
    { value: 'ACME DT', quality: 'strong', script: 'Latn' },
    { value: 'Акме Трейдинг', quality: 'strong', script: 'Cyrl' },
  ]);
  assert.deepEqual(acme.countries, ['AE', 'RU']);
  assert.deepEqual(acme.identifiers, [
    { type: 'inn', value: '7700000009' },
    { type: 'website', value: 'acme-dt.test' },
    { type: 'other', value: '123456789', label: 'duns' },
  ]);
  assert.deepEqual(acme.programs, ['Internal high-risk']);
  assert.equal(acme.remarks, 'Flagged by trade desk, 2025');
  assert.deepEqual(entities[1]?.programs, ['Internal high-risk', 'Dual-use']);
  assert.equal(entities[1]?.kind, 'vessel');
});

test('custom CSV: each bad row is reported by spreadsheet row and field; good rows survive', async () => {
  const { errors } = parseWatchlistUpload(await fixture('watchlist.csv'), 'text/csv', 'wl-7');
  const at = (row: number) => errors.filter((e) => e.row === row).map((e) => e.message);
  assert.equal(at(3).length, 1);
  assert.match(at(3)[0] ?? '', /^birth_date: "1975-02-30" is not a date/);
  assert.deepEqual(
    at(4).map((m) => m.split(':')[0]),
    ['kind', 'country', 'identifiers'],
  );
  assert.deepEqual(at(5), ['name: is required']);
  assert.deepEqual(at(6), ['id: "C-1" is already used on row 2']);
  assert.equal(at(7).length, 0);
  assert.match(at(8)[0] ?? '', /^row: has 2 cells, the header has 9/);
  assert.equal(errors.length, 7);
});

test('custom CSV: a header without id or name, or with an unknown column, is reported on row 1', () => {
  const missing = parseWatchlistUpload('name,kind\nAcme,organization\n', 'text/csv', 'w');
  assert.deepEqual(missing.errors, [{ row: 1, message: 'header: missing required column "id"' }]);
  assert.equal(missing.entities.length, 0);
  const extra = parseWatchlistUpload('id,name,alias\n1,Acme,Acmé\n', 'text/csv', 'w');
  assert.deepEqual(extra.errors, [{ row: 1, message: 'header: unknown column "alias"' }]);
  assert.equal(extra.entities.length, 1);
});

test('custom CSV: broken quoting rejects the file with one error; empty upload too', () => {
  const broken = parseWatchlistUpload('id,name\n1,"Acme\n2,Beta\n', 'text/csv', 'w');
  assert.equal(broken.entities.length, 0);
  assert.equal(broken.errors.length, 1);
  assert.match(broken.errors[0]?.message ?? '', /^file: not valid CSV/);
  assert.deepEqual(parseWatchlistUpload('', 'text/csv', 'w').errors, [
    { row: 0, message: 'file: empty upload, expected a header row' },
  ]);
});

test('custom JSON: valid entries map; bad ones are reported by array position and field', async () => {
  const { entities, errors } = parseWatchlistUpload(
    await fixture('watchlist.json'),
    'application/json',
    'wl-9',
  );
  assert.deepEqual(
    entities.map((e) => e.entryId),
    ['J-1', 'J-2'],
  );
  const omega = entities[0];
  assert.equal(omega?.source, 'custom:wl-9');
  assert.deepEqual(omega?.identifiers, [{ type: 'lei', value: '5299000000000000000X', country: 'DE' }]);
  assert.deepEqual(
    omega?.aliases.map((a) => a.value),
    ['Omega Fix'],
  );
  assert.deepEqual(omega?.programs, ['Customer denylist']);
  assert.deepEqual(entities[1]?.birthDates, ['1980-07']);
  assert.deepEqual(entities[1]?.countries, ['RS']);
  assert.deepEqual(
    errors.filter((e) => e.row === 3).map((e) => e.message.split(':')[0]),
    ['aliases', 'identifiers', 'birth_date'],
  );
  assert.deepEqual(
    errors.filter((e) => e.row === 4),
    [{ row: 4, message: 'row: expected an object' }],
  );
  assert.deepEqual(
    errors.filter((e) => e.row === 5),
    [{ row: 5, message: 'id: "J-1" is already used on row 1' }],
  );
  assert.deepEqual(
    errors.filter((e) => e.row === 6),
    [{ row: 6, message: 'id: is required' }],
  );
});

test('custom JSON: not an array, not JSON, or another content type is one file-level error', () => {
  assert.match(
    parseWatchlistUpload('{"id":1}', 'application/json', 'w').errors[0]?.message ?? '',
    /expected a JSON array/,
  );
  assert.match(
    parseWatchlistUpload('[{"id":', 'application/json', 'w').errors[0]?.message ?? '',
    /not valid JSON/,
  );
  assert.deepEqual(parseWatchlistUpload('x', 'application/xml', 'w'), {
    entities: [],
    errors: [{ row: 0, message: 'file: unsupported content type "application/xml"' }],
  });
});
