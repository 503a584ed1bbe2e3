import { isCommonNameSkel, isNameParticle } from './common-names.ts';
import type { PreparedName } from './prepare-query.ts';
import { skeleton } from './skeleton.ts';
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

/**
 * A name of initials beside common person names only ("ZHOU J.", "J. P. WANG", "A. ALI"): the initial credits
 * little and the common name is thousands of people's, so on the name alone it stays below review, whatever
 * listed "Chong ZHOU" it meets (0.86 on the coverage shares alone: the surname is most of a two-word name's
 * weight). An agreeing field lifts it as any ceiling. Read on the query alone, in either reading (a name of
 * unknown kind is also read as an organisation's, where its initials pair as well): it holds for every candidate.
 */
export function initialsOnCommonNames(q: Pick<PreparedName, 'skels' | 'flags'>): boolean {
  let initials = 0;
  let names = 0;
  for (let i = 0; i < q.skels.length; i++) {
    const s = q.skels[i]!;
    if (q.flags[i]! & INITIAL) initials++;
    else if (isCommonNameSkel(s)) names++;
    else if (!isNameParticle(s)) return false;
  }
  return initials > 0 && names > 0;
}

/**
 * The first letters a word's skeleton may begin with when the word is written with a given initial: the skeleton
 * folds a word's opening digraph, so "Khaled" begins "haled", "Yevgeniy" "evgeni", "Tsoy" "coi", "Charlie"
 * "charlie" while the letter "c" alone is "k". Read off skeleton.ts itself (the letter before each letter and a
 * vowel), so a fold added there is followed here. A query's initial is keyed by its written letter ("K." begins
 * "Khaled" and "Kamal"; "C." begins "Charlie" and "Carlos", never "Hlaing"); a listed initial is held as a
 * skeleton only, so it is keyed by that ("k" for c, k, q and x alike).
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const BY_LETTER = new Map<string, Set<string>>();
const BY_SKELETON = new Map<string, Set<string>>();
for (const l of LETTERS) {
  const own = skeleton(l)[0];
  if (own === undefined) continue;
  const starts = new Set(own);
  for (const next of ['', ...LETTERS])
    for (const v of 'aeiou') {
      const first = skeleton(`${l}${next}${v}r`)[0];
      if (first !== undefined) starts.add(first);
    }
  BY_LETTER.set(l, starts);
  const bySkel = BY_SKELETON.get(own) ?? new Set();
  for (const f of starts) bySkel.add(f);
  BY_SKELETON.set(own, bySkel);
}

/** Whether a word of skeleton `word` may be written with the query's initial, written `letter` (its ASCII form). */
export function letterFits(letter: string, word: string): boolean {
  const w = word[0];
  return w !== undefined && BY_LETTER.get(letter[0] ?? '')?.has(w) === true;
}

/** Whether a word of skeleton `word` may be written with the listed initial of skeleton `initial`. */
export function initialFits(initial: string, word: string): boolean {
  const w = word[0];
  return w !== undefined && (initial[0] === w || BY_SKELETON.get(initial[0] ?? '')?.has(w) === true);
}
