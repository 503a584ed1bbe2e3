import type { ListEntity } from '../../src/entity/list-entity.ts';
import { type Rng, shuffle } from '../rng.ts';
import { type BenchCase, namesOf, ref, wordKey } from './cases.ts';
import { soundAlikeFinder } from './sound-alike.ts';

export interface CompanyRow {
  name: string;
  country: string;
  source: string;
}

export interface PersonPartRow {
  culture: string;
  /** How the culture writes a full name: `given-first` (Anna Schmidt) or `surname-first` (Wang Wei). */
  order: 'given-first' | 'surname-first';
  part: 'given' | 'surname';
  value: string;
  source: string;
}

/**
 * The listed entry carrying exactly the negative's words (any order, legal form included), if any. Only an
 * exact name counts: "3M Company" against a listed alias "3M", or "NEC Corporation" against "JSC NEC", is a
 * false hit the engine must avoid (issue 19), not a collision.
 */
export function collisionFinder(entities: readonly ListEntity[]): (name: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const e of entities)
    for (const n of namesOf(e)) {
      const k = wordKey(n);
      if (k !== '' && !byKey.has(k)) byKey.set(k, ref(e));
    }
  return (name) => byKey.get(wordKey(name));
}

/**
 * Full names from common given names and surnames of one culture: every given × surname combination of
 * the culture, shuffled with the seed, the first `perCulture` taken, written in the culture's order.
 */
export function combinePersonNames(rows: readonly PersonPartRow[], r: Rng, perCulture: number) {
  const cultures = [...new Set(rows.map((x) => x.culture))].sort();
  const out: { name: string; culture: string; source: string }[] = [];
  for (const culture of cultures) {
    const mine = rows.filter((x) => x.culture === culture);
    const given = mine.filter((x) => x.part === 'given');
    const surnames = mine.filter((x) => x.part === 'surname');
    const combos = given.flatMap((g) => surnames.map((s) => [g, s] as const));
    for (const [g, s] of shuffle(r, combos).slice(0, perCulture)) {
      const name = g.order === 'surname-first' ? `${s.value} ${g.value}` : `${g.value} ${s.value}`;
      out.push({ name, culture, source: g.source === s.source ? g.source : `${g.source} + ${s.source}` });
    }
  }
  return out;
}

/**
 * Classes "neg company" and "neg person": real well-known companies and common real person names that
 * must stay quiet (no hit at review or above). One that carries exactly a listed name's words is not a
 * clean negative: it keeps `collision` and is counted apart; one that is a listed name spelt otherwise
 * (every word alike under Double Metaphone, sound-alike.ts) keeps `spellingCollision`, also counted apart.
 */
export function negativeCases(
  entities: readonly ListEntity[],
  companies: readonly CompanyRow[],
  personParts: readonly PersonPartRow[],
  r: Rng,
  perCulture = 40,
): BenchCase[] {
  const collides = collisionFinder(entities);
  const soundsAlike = soundAlikeFinder(entities);
  const out: BenchCase[] = [];
  const add = (c: BenchCase) => {
    const hit = collides(c.query.name);
    if (hit) return out.push({ ...c, collision: hit });
    const alike = c.cls === 'neg person' ? soundsAlike(c.query.name) : undefined;
    out.push(alike ? { ...c, spellingCollision: alike } : c);
  };
  for (const c of companies)
    add({
      cls: 'neg company',
      query: { name: c.name, kind: 'organization' },
      provenance: { from: 'eval/data/companies.csv', entries: [], via: `${c.country} ${c.source}` },
    });
  for (const p of combinePersonNames(personParts, r, perCulture))
    add({
      cls: 'neg person',
      query: { name: p.name, kind: 'person' },
      provenance: { from: 'eval/data/person-names.csv', entries: [], via: `${p.culture}: ${p.source}` },
    });
  return out;
}
