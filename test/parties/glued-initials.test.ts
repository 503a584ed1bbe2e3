import assert from 'node:assert/strict';
import { test } from 'node:test';
import { initialsApart } from '../../src/parties/glued-initials.ts';
import { buildIndex } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Initials typed together without dots (glued-initials.ts). Hand-written fixtures.
const P = { kind: 'person' as const };
const index = buildIndex([
  mk('J1', 'Jean-Claude Junckermann', P),
  mk('J2', 'Joost Wolterink', P),
  ...filler(),
]);
const band = (name: string, id: string) =>
  index.search({ name, kind: 'person' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id)?.band ??
  'none';
const alerts = (b: string) => b === 'review' || b === 'block';
const never = () => false;

test("two capitals beside a name in small letters are a person's initials", () => {
  assert.equal(initialsApart('JC Junckermann', true, never), 'J C Junckermann');
  assert.ok(alerts(band('JC Junckermann', 'J1')), band('JC Junckermann', 'J1'));
});

test('capitals in a name all in capitals, in a firm, or a listed word stay a word', () => {
  assert.equal(initialsApart('LI WEI', true, never), 'LI WEI');
  assert.equal(initialsApart('ABC Holdings', false, never), 'ABC Holdings');
  assert.equal(
    initialsApart('Kim Jong UN', true, (w) => w === 'UN'),
    'Kim Jong UN',
  );
  assert.equal(initialsApart('J.C. Junckermann', true, never), 'J.C. Junckermann');
  assert.equal(initialsApart('AL BEN MAHMOUD, Isa', true, never), 'AL BEN MAHMOUD, Isa');
  assert.equal(initialsApart('JFK Junckermann', true, never), 'J F K Junckermann');
  assert.equal(initialsApart('Kamal Eddin TU’MA', true, never), 'Kamal Eddin TU’MA');
  assert.equal(initialsApart('Omar AL-BA Said', true, never), 'Omar AL-BA Said');
  assert.ok(!alerts(band('JW Junckermann', 'J1')), band('JW Junckermann', 'J1'));
});
