import { isCommonNameSkel } from './common-names.ts';
import type { PreparedName } from './prepare-query.ts';
import { INITIAL } from './tokenize.ts';

/**
 * A person written with initials for the given names: "D. S. PEEVSKI", "PEEVSKI D.S." for "Delyan Slavchev
 * PEEVSKI". Each initial credits little weight (INITIAL_CREDIT), so the listed given names leave half the
 * list's weight unmatched and the score sits near 0.76, under review, though every word on both sides is
 * accounted for. Held at INITIALS_FLOOR (review, never a block on the name alone) when: a person; every query
 * word paired, at least one as an initial; every other query word found; every list word paired; and a found
 * word is not a common name ("S. WANG" for "WANG, Shucheng" says nothing: common-names.ts). The peer heuristic
 * "initials of first names and full last names" (opensanctions/nomenklatura's name benchmark) is this form.
 */
export const INITIALS_FLOOR = 0.82;

export function initialsFound(
  q: PreparedName,
  usedQ: number,
  foundQ: number,
  listAllUsed: boolean,
  initials: number,
): boolean {
  if (!q.person || !listAllUsed || usedQ !== q.allMask || (usedQ & initials) === 0) return false;
  const words = q.allMask & ~initials;
  if (words === 0 || (foundQ & words) !== words) return false;
  for (let i = 0; i < q.skels.length; i++)
    if (words & (1 << i) && !(q.flags[i]! & INITIAL) && !isCommonNameSkel(q.skels[i]!)) return true;
  return false;
}
