import type { ListEntity } from '../../src/entity/list-entity.ts';
import { chance, pick, type Rng, shuffle } from '../rng.ts';
import { type BenchCase, listUnit, namesOf, push, queryOf, ref, wordKey, words } from './cases.ts';
import { linkedPairs } from './cross-list.ts';
import { strongKeys } from './identifier-keys.ts';

/** A shared word this frequent in one list is a generic word ("trading"), not a confusable name part. */
const MAX_SHARING = 12;
const MIN_WORD = 4;

/**
 * Class "confusable pairs": two different entries X and Y of the same list (see `listUnit`: one list does
 * not repeat an entity) that share a distinctive word of their primary names ("… al-Houthi", "Petrov …") yet each has a
 * word the other lacks in all its names. X must be found and Y must not rank above X. Two sub-classes by
 * where the query comes from:
 * - "(other list's name)": X's primary name as another list writes it (an entry linked to X by a shared
 *   strong identifier, see cross-list.ts, whose name X does not carry word for word): a real respelling;
 * - "(own name)": when X has no such partner, X's primary name or, half the time, one of its strong aliases.
 * Pairs sharing an identifier, of different kinds, or born the same day are left out: they may be one
 * entity listed twice. At most `perSource` cases per source and sub-class.
 */
export function confusableCases(entities: readonly ListEntity[], r: Rng, perSource = 80): BenchCase[] {
  const partners = new Map<string, ListEntity[]>();
  for (const p of linkedPairs(entities)) {
    const key = wordKey(p.a.name);
    if (!namesOf(p.b).some((n) => wordKey(n) === key)) push(partners, ref(p.b), p.a);
  }
  const bySource = new Map<string, ListEntity[]>();
  for (const e of entities)
    if (e.kind === 'person' || e.kind === 'organization' || e.kind === 'vessel')
      push(bySource, listUnit(e), e);
  // Pairs are formed within one list unit, then capped per source and sub-class, so the EU's many
  // regulations and the CSL's sub-lists do not multiply the cap.
  const cases = new Map<string, BenchCase[]>();
  for (const unit of [...bySource.keys()].sort()) {
    const list = bySource.get(unit)!;
    const holders = new Map<string, ListEntity[]>();
    for (const e of list)
      for (const w of new Set(words(e.name))) if (w.length >= MIN_WORD) push(holders, w, e);
    const seen = new Set<string>();
    for (const [w, es] of holders) {
      if (es.length < 2 || es.length > MAX_SHARING) continue;
      for (const x of es)
        for (const y of es) {
          const pair = `${ref(x)}>${ref(y)}`;
          if (x === y || x.kind !== y.kind || seen.has(pair) || shareId(x, y)) continue;
          if (!distinct(x, y) || !distinct(y, x)) continue;
          if (x.birthDates.some((d) => d.length === 10 && y.birthDates.includes(d))) continue;
          seen.add(pair);
          const other = partners.get(ref(x));
          const strong = x.aliases.filter((a) => a.quality === 'strong').map((a) => a.value);
          const from = other ? pick(r, other) : x;
          const name = other ? from.name : strong.length > 0 && chance(r, 0.5) ? pick(r, strong) : x.name;
          const cls = `confusable pairs (${other ? "other list's" : 'own'} name)`;
          push(cases, `${x.source}|${cls}`, {
            cls,
            query: queryOf(name, x.kind),
            target: { source: x.source, entryId: x.entryId },
            avoid: { source: y.source, entryId: y.entryId },
            provenance: {
              from: from.source,
              entries: [ref(from), ref(x), ref(y)].filter((e, i, all) => all.indexOf(e) === i),
              via: `shared word "${w}"`,
            },
          });
        }
    }
  }
  const out: BenchCase[] = [];
  for (const k of [...cases.keys()].sort()) out.push(...shuffle(r, cases.get(k)!).slice(0, perSource));
  return out;
}

function shareId(x: ListEntity, y: ListEntity): boolean {
  const ys = new Set(strongKeys(y));
  return strongKeys(x).some((k) => ys.has(k));
}

/** X's primary name has a word found in none of Y's names, and X is not written as one of Y's names. */
function distinct(x: ListEntity, y: ListEntity): boolean {
  const yWords = new Set(namesOf(y).flatMap(words));
  const yKeys = new Set(namesOf(y).map(wordKey));
  return words(x.name).some((w) => w.length >= 3 && !yWords.has(w)) && !yKeys.has(wordKey(x.name));
}
