import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { buildIndex } from '../../src/parties/index.ts';
import { mk } from './fixtures.ts';

// A tenant watchlist of one entry: every word has a posting list of one, so every word is "rare" and weighs
// the same. The labelled-pair benchmark of issue 19 screens each candidate this way; the scorer's grading and
// structure rules must hold without rarity to lean on.
const person = (name: string): ListEntity => mk('W1', name, { kind: 'person' });
const org = (name: string): ListEntity => mk('W1', name);

const bandFor = (entry: ListEntity, name: string) =>
  buildIndex([entry]).search({ name }, { minScore: 0 })[0]?.band ?? 'below';

const SAME: [ListEntity, string][] = [
  [person('PUTIN, Vladimir Vladimirovich'), 'Vladimir Putin'],
  [person('TIMCHENKO, Gennadiy Nikolayevich'), 'Gennadij Timchenko'],
  [person('Abdul Rahman Yasin'), 'Yasin Abdul Rahman'],
  [org('OOO BITTERIYA'), 'Bitterija LLC'],
  [org('KOMINVEX DOO BEOGRAD'), 'Kominveks d.o.o.'],
];
const DIFFERENT: [ListEntity, string][] = [
  [org('3M'), '3M Company'],
  [org('KGI INTERNATIONAL COMPANY LTD'), 'CGI Inc.'],
  [org('AMD CO. LTD AGENCY'), 'AMD Inc.'],
  [org('INTER'), 'Intel'],
  [person('Walid bin Khalid Al-Harbi'), 'Khalid bin Walid Al-Harbi'],
  [person('Anna Ivanovna Petrova'), 'Anna Petrovna Ivanova'],
];

test('one-entry watchlist: the same party reaches review or block', () => {
  for (const [entry, name] of SAME) assert.notEqual(bandFor(entry, name), 'below', `${name} → ${entry.name}`);
});

test('one-entry watchlist: a different party stays below review', () => {
  for (const [entry, name] of DIFFERENT)
    assert.equal(bandFor(entry, name), 'below', `${name} → ${entry.name}`);
});
