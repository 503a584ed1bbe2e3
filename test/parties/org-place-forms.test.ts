import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { placeForms } from '../../src/parties/org-place-forms.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, organisations: a town's name and its Russian adjective ("Kamensk-Uralsky" / "KAMENSK-URAL", "Zelenogradsky"
// / "ZELENOGRAD"), data/place-adjectives.csv. Invented names built like those.
const index = buildIndex([
  mk('O1', 'BELOGORSK METALLURGICAL PLANT', { kind: 'organization' }),
  mk('O2', 'JSC KRASNOVODSKIY NANOTECHNOLOGY CENTRE', { kind: 'organization' }),
  mk('P1', 'KOVAL, Andrei', { kind: 'person' }),
  ...filler(),
]);

const hitOf = (name: string, kind: 'organization' | 'person', id: string): Hit | undefined =>
  index.search({ name, kind }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('the adjective of a town and its stem are read as one place: the town, and its other forms', () => {
  assert.ok(placeForms('uralski').includes('ural'));
  assert.ok(placeForms('votkinski').includes('votkinsk'));
  assert.ok(placeForms('zelenograd').includes('zelenogradski'));
  // A stem shorter than four letters is another word ("Tulskiy" is not read off "Tul").
  assert.deepEqual(placeForms('tulski'), []);
});

test('an organisation named by its town’s adjective meets the one named by the town, and the explanation says so', () => {
  const h = hitOf('Belogorskiy Metallurgical Works JSC', 'organization', 'O1');
  assert.notEqual(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name?.detail}`);
  assert.match(h?.evidence.name?.detail ?? '', /belogorskiy~belogorsk \(place form/);
  const stem = hitOf('Krasnovodsk Nanotechnology Centre', 'organization', 'O2');
  assert.notEqual(stem?.band ?? 'below', 'below', `${stem?.score} ${stem?.evidence.name?.detail}`);
});

test('a person’s "-ski" family name is another name, not a place form', () => {
  const h = hitOf('Andrei KOVALSKI', 'person', 'P1');
  assert.doesNotMatch(h?.evidence.name?.detail ?? '', /place form/);
});
