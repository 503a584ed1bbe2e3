import type { ListEntity } from '../src/entity/list-entity.ts';
import type { PartyQuery } from '../src/parties/types.ts';
import { FAMOUS, FIRST_NAMES, INDUSTRY, LEGAL_VARIANTS, PLACES, SURNAMES, SYLLABLES } from './pools.ts';
import { chance, pick, type Rng, seeded } from './rng.ts';
import { POSITIVE_VARIANTS, type Variant } from './variants.ts';

export interface LabelledCase {
  category: string;
  query: PartyQuery;
  /** The entry the query was derived from; absent for negatives (no entry should reach review). */
  target?: { source: string; entryId: string };
}

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const tokensOf = (s: string) =>
  ascii(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Words of every listed name, to keep invented names off the lists. */
function listVocabulary(entities: readonly ListEntity[]): Set<string> {
  const v = new Set<string>();
  for (const e of entities)
    for (const n of [e.name, ...e.aliases.map((a) => a.value)]) for (const t of tokensOf(n)) v.add(t);
  return v;
}

function inventedWord(r: Rng, vocab: Set<string>): string {
  for (;;) {
    const w = Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(r, SYLLABLES)).join('');
    if (w.length >= 5 && !vocab.has(w)) return w[0]!.toUpperCase() + w.slice(1);
  }
}

export function generateCases(
  entities: readonly ListEntity[],
  seed: number,
  perCategory = 250,
  variants: Record<string, Variant> = POSITIVE_VARIANTS,
): LabelledCase[] {
  const r = seeded(seed);
  const pool = entities.filter((e) => e.kind !== 'aircraft' && e.name.replace(/[^\p{L}]/gu, '').length >= 5);
  const cases: LabelledCase[] = [];
  for (const [category, variant] of Object.entries(variants)) {
    let made = 0;
    for (let tries = 0; made < perCategory && tries < perCategory * 50; tries++) {
      const e = pick(r, pool);
      const strong = [e.name, ...e.aliases.filter((a) => a.quality === 'strong').map((a) => a.value)];
      const out = variant(r, pick(r, strong), e.kind === 'person');
      if (!out || out.trim().length < 3) continue;
      const query: PartyQuery = { name: out };
      if (chance(r, 0.3)) query.kind = e.kind === 'vessel' || e.kind === 'person' ? e.kind : 'organization';
      if (chance(r, 0.3) && e.countries[0]) query.country = e.countries[0];
      cases.push({ category, query, target: { source: e.source, entryId: e.entryId } });
      made++;
    }
  }
  cases.push(...negatives(r, entities, perCategory));
  return cases;
}

function negatives(r: Rng, entities: readonly ListEntity[], n: number): LabelledCase[] {
  const vocab = listVocabulary(entities);
  const listedPersons = new Set<string>();
  const surnames: string[] = [];
  const orgs: ListEntity[] = [];
  for (const e of entities) {
    if (e.kind === 'person') {
      for (const nm of [e.name, ...e.aliases.map((a) => a.value)]) {
        const ts = tokensOf(nm);
        for (const a of ts) for (const b of ts) if (a !== b) listedPersons.add(`${a} ${b}`);
        if (e.name.includes(',')) surnames.push(e.name.split(',')[0]!.trim());
      }
    } else if (e.kind === 'organization') orgs.push(e);
  }
  const freq = new Map<string, number>();
  for (const e of orgs)
    for (const t of new Set(e.name.split(/\s+/).map(ascii))) freq.set(t, (freq.get(t) ?? 0) + 1);
  const out: LabelledCase[] = [];
  const legal = () => pick(r, pick(r, Object.values(LEGAL_VARIANTS)));
  for (let i = 0; i < n; i++) {
    // Ordinary people whose first+last name pair is on no list (individual words may well be).
    let f = '';
    let s = '';
    do {
      f = pick(r, FIRST_NAMES);
      s = pick(r, SURNAMES);
    } while (listedPersons.has(`${ascii(f)} ${ascii(s)}`));
    out.push({
      category: 'neg-person',
      query: {
        name: chance(r, 0.5) ? `${f} ${s}` : `${s.toUpperCase()}, ${f}`,
        kind: chance(r, 0.5) ? 'person' : 'unknown',
      },
    });
    const brand = inventedWord(r, vocab);
    const parts = [brand, pick(r, INDUSTRY)];
    if (chance(r, 0.6)) parts.push(legal());
    if (chance(r, 0.3)) parts.push(pick(r, PLACES));
    out.push({ category: 'neg-org', query: { name: parts.join(' ') } });
  }
  for (let i = 0; i < n; i++) {
    // Keeps only the frequent words of a listed name ("… TRADING DOO BEOGRAD") around an invented one.
    if (chance(r, 0.6)) {
      const e = pick(r, orgs);
      const listed = e.name.split(/\s+/);
      const common = listed.filter((w) => (freq.get(ascii(w)) ?? 0) >= 20);
      // A name of frequent words only ("ISLAMIC REVOLUTIONARY GUARD CORPS", "SYRIAN MINISTRY OF TOURISM") would
      // come back whole beside the invented word: a listed name typed in full, which an officer must see, not a
      // clean name. Only names with a distinctive word to drop make a negative.
      if (common.length === 0 || common.length === listed.length) {
        i--;
        continue;
      }
      const brand = inventedWord(r, vocab).toUpperCase();
      out.push({ category: 'neg-shared-words', query: { name: [brand, ...common].join(' ') } });
    } else if (surnames.length) {
      let f = '';
      const s = pick(r, surnames);
      do f = pick(r, FIRST_NAMES);
      while (listedPersons.has(`${ascii(f)} ${ascii(s).split(/\s+/)[0]}`));
      out.push({ category: 'neg-shared-words', query: { name: `${f} ${s}`, kind: 'person' } });
    }
  }
  for (const name of FAMOUS) out.push({ category: 'neg-famous', query: { name } });
  return out;
}
