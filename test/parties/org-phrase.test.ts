import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildIndex, type Hit } from '../../src/parties/index.ts';
import { filler, mk } from './fixtures.ts';

// Issue 19, organisations: a listed name whole inside a longer customer name whose other words are only generic
// (status, kind) or an honorific (org-phrase.ts listInsideQuery). Invented names built like the EU's "Federal
// State Budgetary Enterprise ‘Sanatorium “Nizhnyaya Oreanda”’ of the Administration of the President of the
// Russian Federation" against the CSL's "SANATORIUM NIZHNYAYA OREANDA".
const org = { kind: 'organization' as const };
const index = buildIndex([
  mk('S1', 'SANATORIUM VERKHNYAYA KORSANDA', org),
  mk('S2', 'KESTREL OPTICAL SYSTEMS', org),
  mk(
    'S3',
    'NORTHERN KESTREL AND PRODUCTION CENTER JOINT STOCK COMPANY KESTREL AND PRODUCTION ASSOCIATION ZORYA',
    org,
  ),
  ...filler(),
]);

const hitOf = (name: string, id: string): Hit | undefined =>
  index.search({ name, kind: 'organization' }, { minScore: 0, limit: 50 }).find((h) => h.entryId === id);

test('a listed name inside a longer customer name beside only generic words is a review, never a block', () => {
  const h = hitOf(
    'Federal State Budgetary Enterprise ‘Sanatorium “Verkhnyaya Korsanda”’ of the Russian Federation',
    'S1',
  );
  assert.equal(h?.band, 'review', `${h?.score} ${h?.evidence.name?.detail}`);
  assert.match(
    h?.evidence.name?.detail ?? '',
    /whole listed name found word for word, in order, inside the query/,
  );
  // An honoured person's name after "named after" is no distinctive word of the firm either.
  const named = hitOf('Joint Stock Company Kestrel Optical Systems Plant Named After A.B. Volkov', 'S2');
  assert.equal(named?.band, 'review', `${named?.score} ${named?.evidence.name?.detail}`);
});

test('a distinctive word beside the listed name, or the words out of order, stay below review', () => {
  // "Resta Atlas Ship Management" is not "Atlas Ship Management": another firm named beside it.
  const other = hitOf('Northern Defence Group Joint Stock Company Kestrel Optical Systems', 'S2');
  assert.equal(other?.band ?? 'below', 'below', `${other?.score} ${other?.evidence.name?.detail}`);
  const swapped = hitOf(
    'Federal State Enterprise Korsanda Verkhnyaya Sanatorium of the Russian Federation',
    'S1',
  );
  assert.doesNotMatch(swapped?.evidence.name?.detail ?? '', /word for word/);
});

test('the query may be a later occurrence of words the longer listed name repeats', () => {
  // The first "kestrel" of the listed name is followed by "center", the second by the query's own words.
  const h = hitOf('Kestrel Production Association Zorya', 'S3');
  assert.equal(h?.band, 'review', `${h?.score} ${h?.evidence.name?.detail}`);
  assert.match(h?.evidence.name?.detail ?? '', /word for word, in order, inside a longer listed name/);
});
