import type { ListEntity } from '../../src/lists/entity.ts';
import { type Rng, shuffle } from '../rng.ts';
import { type BenchCase, namesOf, ref, words } from './cases.ts';

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
 * Legal-form and filler words left out when checking whether a well-known company IS listed ("Sberbank PJSC"
 * vs "SBERBANK"). Only for spotting collisions; the engine has its own, richer tables.
 */
const FILLER = new Set(
  'inc incorporated corp corporation co company ltd limited plc ag se sa nv bv gmbh llc jsc pjsc oao pao ooo kk spa ab asa oyj group holding holdings the and of'.split(
    ' ',
  ),
);
const core = (name: string) => [...new Set(words(name).filter((w) => !FILLER.has(w)))].sort().join(' ');

/** The listed entry whose name has exactly the negative's words (legal forms aside), if any. */
export function collisionFinder(entities: readonly ListEntity[]): (name: string) => string | undefined {
  const byCore = new Map<string, string>();
  for (const e of entities)
    for (const n of namesOf(e)) {
      const k = core(n);
      if (k !== '' && !byCore.has(k)) byCore.set(k, ref(e));
    }
  return (name) => byCore.get(core(name));
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
 * clean negative: it keeps `collision` and is counted apart.
 */
export function negativeCases(
  entities: readonly ListEntity[],
  companies: readonly CompanyRow[],
  personParts: readonly PersonPartRow[],
  r: Rng,
  perCulture = 40,
): BenchCase[] {
  const collides = collisionFinder(entities);
  const out: BenchCase[] = [];
  const add = (c: BenchCase) => {
    const hit = collides(c.query.name);
    out.push(hit ? { ...c, collision: hit } : c);
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
