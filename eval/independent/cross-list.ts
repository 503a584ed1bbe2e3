import type { ListEntity } from '../../src/entity/list-entity.ts';
import { type Rng, shuffle } from '../rng.ts';
import { type BenchCase, listUnit, namesOf, push, queryOf, ref, wordKey } from './cases.ts';

/**
 * Identifier schemes that name one legal or natural person. Contact details (website, email, phone), `other`
 * and KPP (shared by every branch of a Russian firm) link agents and branches, not the same entity.
 */
export const STRONG_SCHEMES = new Set([
  'imo',
  'mmsi',
  'passport',
  'national_id',
  'registration',
  'tax_id',
  'inn',
  'ogrn',
  'swift',
  'lei',
]);

/** Shorter values ("12345") collide by chance across countries. */
const MIN_VALUE_LENGTH = 6;

const idValue = (type: string, value: string): string => {
  const v = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return type === 'imo' ? v.replace(/^IMO/, '') : v;
};

const years = (e: ListEntity): number[] => e.birthDates.map((d) => Number(d.slice(0, 4)));
const fullDates = (e: ListEntity): string[] => e.birthDates.filter((d) => d.length === 10);

/**
 * Two entries that share an identifier must still look like one entity: same kind, and for people the same
 * full birth date when both lists give one (else birth years at most one apart). Lists do carry wrong or
 * recycled numbers (a national id given to two different people), and such a pair would be no positive.
 */
function compatible(a: ListEntity, b: ListEntity): boolean {
  if (a.kind !== b.kind && a.kind !== 'unknown' && b.kind !== 'unknown') return false;
  const da = fullDates(a);
  const db = fullDates(b);
  if (da.length > 0 && db.length > 0) return da.some((d) => db.includes(d));
  const ya = years(a);
  const yb = years(b);
  if (ya.length === 0 || yb.length === 0) return true;
  return ya.some((y) => yb.some((z) => Math.abs(y - z) <= 1));
}

/** `scheme:value` of each strong identifier an entry holds. */
export function strongKeys(e: ListEntity): string[] {
  const out: string[] = [];
  for (const id of e.identifiers) {
    if (!STRONG_SCHEMES.has(id.type)) continue;
    const v = idValue(id.type, id.value);
    if (v.length >= MIN_VALUE_LENGTH) out.push(`${id.type}:${v}`);
  }
  return out;
}

/** Each ordered pair (query entry, target entry) on different lists with the identifier that links them. */
export interface LinkedPair {
  a: ListEntity;
  b: ListEntity;
  via: string;
  /** Every entry that shares a strong identifier with A or B: an alert on one of them is not a false one. */
  related: string[];
}

export function linkedPairs(entities: readonly ListEntity[]): LinkedPair[] {
  const byKey = new Map<string, { e: ListEntity; country?: string }[]>();
  for (const e of entities)
    for (const id of e.identifiers) {
      const [key] = strongKeys({ ...e, identifiers: [id] });
      if (key) push(byKey, key, id.country ? { e, country: id.country } : { e });
    }
  const keysOf = new Map<ListEntity, string[]>();
  for (const [key, holders] of byKey) for (const h of holders) push(keysOf, h.e, key);
  const related = (...es: ListEntity[]) => [
    ...new Set(es.flatMap((e) => (keysOf.get(e) ?? []).flatMap((k) => byKey.get(k)!.map((h) => ref(h.e))))),
  ];
  const seen = new Set<string>();
  const out: LinkedPair[] = [];
  for (const [key, holders] of byKey) {
    const perUnit = new Map<string, Set<string>>();
    for (const h of holders) {
      const ids = perUnit.get(listUnit(h.e)) ?? new Set();
      ids.add(h.e.entryId);
      perUnit.set(listUnit(h.e), ids);
    }
    // Two entries of one list sharing the value: an agent's number or a family passport, not one identity.
    if ([...perUnit.values()].some((ids) => ids.size > 1)) continue;
    for (const x of holders)
      for (const y of holders) {
        if (x.e.source === y.e.source) continue;
        if (x.country && y.country && x.country !== y.country) continue;
        if (!compatible(x.e, y.e)) continue;
        const k = `${ref(x.e)}>${ref(y.e)}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ a: x.e, b: y.e, via: key, related: related(x.e, y.e) });
      }
  }
  return out;
}

/**
 * Class "cross-list by identifier": entry A's primary name (plus kind, no identifier) must find entry B on
 * another list, B linked to A by a shared strong identifier. Pairs where B already carries A's name word for
 * word are dropped as trivial (counted in `trivial`). At most `perSourcePair` pairs per pair of lists, so the
 * big US lists (CSL repeats the SDN) do not drown the rest.
 */
export function crossListCases(
  entities: readonly ListEntity[],
  r: Rng,
  perSourcePair = 150,
): { cases: BenchCase[]; trivial: number } {
  let trivial = 0;
  const groups = new Map<string, BenchCase[]>();
  for (const { a, b, via, related } of linkedPairs(entities)) {
    const key = wordKey(a.name);
    if (key === '' || namesOf(b).some((n) => wordKey(n) === key)) {
      trivial++;
      continue;
    }
    const group = `${a.source}>${b.source}`;
    push(groups, group, {
      cls: 'cross-list by identifier',
      query: queryOf(a.name, a.kind),
      target: { source: b.source, entryId: b.entryId },
      alsoRight: related,
      provenance: { from: a.source, entries: [ref(a), ref(b)], via },
    });
  }
  const cases: BenchCase[] = [];
  for (const g of [...groups.keys()].sort())
    cases.push(...shuffle(r, groups.get(g)!).slice(0, perSourcePair));
  return { cases, trivial };
}
