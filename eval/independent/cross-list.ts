import type { ListEntity } from '../../src/entity/list-entity.ts';
import { type Rng, shuffle } from '../rng.ts';
import { type BenchCase, listUnit, namesOf, push, queryOf, ref, wordKey } from './cases.ts';
import { compatible, strongKeys } from './identifier-keys.ts';

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
