import type { EntityName, ListEntity } from '../../src/entity/list-entity.ts';
import { pick, type Rng, shuffle } from '../rng.ts';
import { type BenchCase, push, queryOf, ref, wordKey } from './cases.ts';

const subclass = (a: EntityName) => `own alias ${a.script === 'Latn' ? 'latin' : 'non-latin'} ${a.quality}`;

/**
 * Class "own alias" (four sub-classes: Latin or non-Latin script × strong or weak alias as the list marks it):
 * one alias of an entry, with the entry's kind, must find that entry. Aliases that only repeat the primary
 * name's words are dropped. One alias per entry, at most `perSource` entries per list and sub-class, so
 * every list is heard and the biggest list does not decide the figure.
 */
export function ownAliasCases(entities: readonly ListEntity[], r: Rng, perSource = 60): BenchCase[] {
  const groups = new Map<string, BenchCase[]>();
  for (const e of entities) {
    const primary = wordKey(e.name);
    const bySub = new Map<string, EntityName[]>();
    for (const a of e.aliases) {
      const k = wordKey(a.value);
      if (k === '' || k === primary) continue;
      push(bySub, subclass(a), a);
    }
    for (const [sub, aliases] of bySub) {
      const a = pick(r, aliases);
      const key = `${sub}|${e.source}`;
      push(groups, key, {
        cls: sub,
        query: queryOf(a.value, e.kind),
        target: { source: e.source, entryId: e.entryId },
        provenance: { from: e.source, entries: [ref(e)], via: `${a.quality} ${a.script} alias` },
      });
    }
  }
  const out: BenchCase[] = [];
  for (const k of [...groups.keys()].sort()) out.push(...shuffle(r, groups.get(k)!).slice(0, perSource));
  return out;
}
