import type { ListEntity } from '../../src/entity/list-entity.ts';
import { type BenchCase, namesOf, ref, wordKey } from './cases.ts';
import { reachableByName } from './name-reach.ts';
import type { SameEntity } from './same-entity.ts';

export const IDENTIFIER_ONLY = 'cross-list, reachable only by identifier';
/** The confusable pairs whose query is another list's name (a cross-list name, see confusable.ts) set apart alike. */
export const CONFUSABLE_IDENTIFIER_ONLY =
  "confusable pairs (other list's name), reachable only by identifier";
/** Classes no name matcher can reach, reported beside the name-matching total, not in it. */
export const identifierOnly = (cls: string): boolean =>
  cls === IDENTIFIER_ONLY || cls === CONFUSABLE_IDENTIFIER_ONLY;
const CROSS_LIST = 'cross-list by identifier';
const CONFUSABLE_OTHER = "confusable pairs (other list's name)";

export interface AuditCounts {
  /** Cross-list cases whose target entity has more entries than the pair (alerts on them are right). */
  widened: number;
  /** Confusable pairs whose "other" entry is, by the lists' own evidence, the target entity: dropped. */
  confusableSame: number;
  /** Cross-list cases moved to IDENTIFIER_ONLY. */
  identifierOnly: number;
  /** Confusable (other list's name) cases moved to CONFUSABLE_IDENTIFIER_ONLY. */
  confusableIdentifierOnly: number;
}

/**
 * The label audit (issue 19). The cases were labelled by one identifier shared by two entries; the lists
 * hold more evidence of sameness (same-entity.ts), and it corrects the labels, never the engine's score:
 * - cross-list: the target is the entity, not one entry. An alert on any entry of it is no false hit. Another
 *   entry of it on a list other than the query's counts as finding it, unless that entry carries the query's
 *   own words (a third list that copied list A's spelling proves nothing about matching A's name to B's).
 * - cross-list: a query sharing no word with any name of the target entity, on a loose reading
 *   (name-reach.ts), is not a name-matching case: its class becomes IDENTIFIER_ONLY, reported beside.
 * - confusable: a pair whose two entries are one entity by that evidence is no confusable pair: dropped.
 * - confusable (other list's name): the query is a cross-list name (confusable.ts takes it from an entry linked
 *   to X by identifier), so the same reach test applies: one sharing no word with X's entity is set apart as
 *   CONFUSABLE_IDENTIFIER_ONLY (a ship renamed: the EU's "Kang Gye (Pi Ryu Gang)" against SDN "PI RUY GANG").
 *   Its target is not widened: another entry of X's entity may be the pair's Y only if the lists said so,
 *   and such pairs were dropped above.
 */
export function auditCases(
  cases: readonly BenchCase[],
  entities: readonly ListEntity[],
  same: SameEntity,
): { cases: BenchCase[]; counts: AuditCounts } {
  const byRef = new Map(entities.map((e) => [ref(e), e]));
  const counts: AuditCounts = {
    widened: 0,
    confusableSame: 0,
    identifierOnly: 0,
    confusableIdentifierOnly: 0,
  };
  const out: BenchCase[] = [];
  // The entries of the target's entity whose names count as finding it: the target, and those on a list other
  // than the query's that do not carry the query's own words (the query's own entry would make any query reach).
  const foundAs = (c: BenchCase): string[] => {
    const target = ref(c.target!);
    const key = wordKey(c.query.name);
    const carriesQuery = (m: string) => namesOf(byRef.get(m)!).some((n) => wordKey(n) === key);
    return same
      .members(target)
      .filter((m) => m === target || (byRef.get(m)!.source !== c.provenance.from && !carriesQuery(m)));
  };
  for (const c of cases) {
    if (c.avoid && c.target && same.members(ref(c.target)).includes(ref(c.avoid))) {
      counts.confusableSame++;
      continue;
    }
    if (c.cls === CONFUSABLE_OTHER && c.target) {
      const names = foundAs(c).flatMap((m) => namesOf(byRef.get(m)!));
      if (reachableByName(c.query.name, names)) out.push(c);
      else {
        counts.confusableIdentifierOnly++;
        out.push({ ...c, cls: CONFUSABLE_IDENTIFIER_ONLY });
      }
      continue;
    }
    if (c.cls !== CROSS_LIST || !c.target) {
      out.push(c);
      continue;
    }
    const members = same.members(ref(c.target));
    const found = foundAs(c);
    const alsoRight = [...new Set([...(c.alsoRight ?? []), ...members])];
    if (alsoRight.length > (c.alsoRight ?? []).length || found.length > 1) counts.widened++;
    const reachable = reachableByName(
      c.query.name,
      found.flatMap((m) => namesOf(byRef.get(m)!)),
    );
    if (!reachable) counts.identifierOnly++;
    out.push({ ...c, cls: reachable ? c.cls : IDENTIFIER_ONLY, found, alsoRight });
  }
  return { cases: out, counts };
}
