import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { echoedAcronyms } from '../../src/parties/org-echo.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, organisations: a name written out with its own acronym ("FOREIGN TRADE BANK (FTB)") is the name; the
// acronym repeats it. Invented names built like the UN's.
const index = buildIndex([
  mk('O1', 'NORTHERN GRAIN BANK (NGB)', { kind: 'organization' }),
  mk('O2', 'NORTHERN GRAIN BANK', { kind: 'organization' }),
  mk('O3', 'KPT TRADING', { kind: 'organization' }),
  ...filler(),
]);

const hitOf = (name: string, id: string): Hit | undefined =>
  index.search({ name, kind: 'organization' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('an acronym of the words right beside it is marked; a short word spelling nothing beside it is not', () => {
  assert.deepEqual(echoedAcronyms(['foreign', 'trade', 'bank', 'ftb']), [false, false, false, true]);
  assert.deepEqual(echoedAcronyms(['ftb', 'foreign', 'trade', 'bank']), [true, false, false, false]);
  assert.deepEqual(echoedAcronyms(['kpt', 'trading']), [false, false]);
});

test('the name with its acronym meets the name without it, either way round', () => {
  const listed = hitOf('Northern Grain Bank', 'O1');
  assert.notEqual(listed?.band ?? 'below', 'below', `${listed?.score} ${listed?.evidence.name?.detail}`);
  const typed = hitOf('NORTHERN GRAIN BANK (NGB)', 'O2');
  assert.notEqual(typed?.band ?? 'below', 'below', `${typed?.score} ${typed?.evidence.name?.detail}`);
});

test('the acronym alone still finds the listed acronym', () => {
  const h = hitOf('KPT Trading LLC', 'O3');
  assert.notEqual(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name?.detail}`);
});
