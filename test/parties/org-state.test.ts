import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit, type PartyQuery } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, cross-list wrong alerts: sister bodies of one state share the state's formal name and little else
// (the UN's "FOREIGN TRADE BANK (FTB)" is OFAC's "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF
// KOREA", and the "CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA" is another bank). Invented names.
const index = buildIndex([
  mk('B1', 'OCEAN HARVEST BANK (OHB)'),
  mk('B2', "CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"),
  mk('M1', 'Ministry of Fisheries and Ocean Husbandry of the Republic of Belarus'),
  ...filler(),
]);

const hitOf = (q: PartyQuery, id: string): Hit | undefined =>
  index.search(q, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);
const org = (name: string): PartyQuery => ({ name, kind: 'organization' });

test("a body named with its state's formal name is found on the list's name without it", () => {
  const h = hitOf(org("OCEAN HARVEST BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"), 'B1');
  assert.notEqual(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name?.detail}`);
});

test("a sister body sharing only the state's formal name and the word of kind stays quiet", () => {
  const h = hitOf(org("OCEAN HARVEST BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA"), 'B2');
  assert.equal(h?.band ?? 'below', 'below', `${h?.score} ${h?.evidence.name?.detail}`);
});

test('the same body of another state is another body, and the explanation says so', () => {
  const h = hitOf(org('Ministry of Fisheries and Ocean Husbandry of the Russian Federation'), 'M1');
  assert.ok(h, 'still retrieved');
  assert.equal(h.band, 'below', `${h.score} ${h.evidence.name?.detail}`);
  assert.match(h.evidence.name?.detail ?? '', /another state/);
  const same = hitOf(org('Ministry of Fisheries and Ocean Husbandry of the Republic of Belarus'), 'M1');
  assert.equal(same?.band, 'block', `${same?.score} ${same?.evidence.name?.detail}`);
});
