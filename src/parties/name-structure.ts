import data from './data/name-structure.json' with { type: 'json' };
import type { IndexData } from './index-data.ts';
import { skeleton } from './skeleton.ts';
import { FAMILY, GIVEN, PATRONYMIC } from './tokenize.ts';

/**
 * Person-name structure the scorer respects. Names are otherwise compared as bags of words ("Petrov Ivan" is
 * "Ivan Petrov"), but two markers fix an order or a role:
 * - a nasab marker (bin, ibn, bint, ould…; data/name-structure.json) says the name after it is the father's:
 *   "Walid bin Khalid" and "Khalid bin Walid" are son and father, two people. When both names carry a
 *   marker, aligned parts must keep their order along the chain.
 * - a Slavic patronymic (-ovich/-ovna, flagged by tokenize.ts) is the father's given name, not a surname:
 *   "Anna Petrovna Ivanova" is not "Anna Ivanovna Petrova", though petrovna/petrova differ by one letter.
 */
const NASAB = new Set(data.nasabMarkers.map((m) => skeleton(m.word)));

/** A nasab marker's skeleton ("bin", "ben", "ibn", "ould"…). */
export const isNasabMarker = (skel: string): boolean => NASAB.has(skel);

/** A token outside the chain (a marker itself, a family name): it takes no part in the order check. */
export const UNRANKED = -1;

/**
 * Fills `out` with each token's generation along the nasab chain and returns whether the name has one. Only the
 * names next to a marker take part: in "Walid bin Khalid Al-Harbi" Walid is 0 and Khalid 1, while Al-Harbi
 * (the family name) and the words of a list's "AL-HARBI, Walid bin Khalid" before the comma stay out
 * (UNRANKED), since lists and customers put the family name first or last. A marker counts only between two
 * names: "Ben Smith" has no chain.
 */
export function nasabRanks(
  skelAt: (i: number) => string,
  n: number,
  out: Int8Array,
  flagsAt?: (i: number) => number,
): boolean {
  let chain = false;
  out.fill(UNRANKED, 0, n);
  let rank = 0;
  const front = flagsAt ? familyFirst(flagsAt, n) : 0;
  for (let i = front + 1; i < n - 1; i++) {
    if (!NASAB.has(skelAt(i)) || NASAB.has(skelAt(i - 1))) continue;
    if (out[i - 1] === UNRANKED) out[i - 1] = rank;
    if (rank < 126) rank++;
    out[i] = UNRANKED;
    out[i + 1] = rank;
    chain = true;
  }
  return chain;
}

/**
 * How many words a "FAMILY, Given" name writes before its given name: the family name, which may hold a marker of
 * its own ("AL BEN ALI, Isa Ben Tarif": the Al Bin Ali family, not a father) and stays out of the chain.
 */
function familyFirst(flagsAt: (i: number) => number, n: number): number {
  for (let i = 0; i < n; i++) {
    const f = flagsAt(i);
    if (f & GIVEN) return i;
    if (!(f & FAMILY)) return 0;
  }
  return 0;
}

/** A list name's chain, read from the index (markers are ordinary vocabulary words there). */
export function listNasabRanks(d: IndexData, ts: number, te: number, out: Int8Array): boolean {
  return nasabRanks(
    (i) => d.vocab[d.tokVocab[ts + i]!]!,
    te - ts,
    out,
    (i) => d.tokFlags[ts + i]!,
  );
}

/** Two aligned pairs whose order along the chain is reversed on one side (father and son swapped). */
export function inverted(q1: number, c1: number, q2: number, c2: number): boolean {
  if (q1 < 0 || c1 < 0 || q2 < 0 || c2 < 0) return false;
  return (q1 - q2) * (c1 - c2) < 0;
}

/**
 * A patronymic aligned with a surname: "petrovna" with "petrova", one letter apart. Judged only when the other
 * name has 3+ core words (the only names tokenize.ts flags patronymics in: "Ivan Petrovich" has no flag to
 * compare) and its word ends like a Slavic surname (-ov/-ev/-in, -a): the patronymic flag is a suffix rule
 * that also fires on surnames ("Piatkevich"), so a mere typo ("Piatkevxch") must not count as a clash.
 */
export function patronymicClash(
  qFlag: number,
  qWords: number,
  qSkel: string,
  cFlag: number,
  cWords: number,
  cSkel: string,
): boolean {
  const qp = (qFlag & PATRONYMIC) !== 0;
  const cp = (cFlag & PATRONYMIC) !== 0;
  if (qp === cp) return false;
  return qp ? cWords >= 3 && SURNAME_END.test(cSkel) : qWords >= 3 && SURNAME_END.test(qSkel);
}

const SURNAME_END = /(ov|ev|in)a?$/;

const NISBA = data.nisba.suffixes.map(skeleton);
/** Shorter word of a nisba pair: below this a final letter is as likely a typo. */
const NISBA_MIN = 4;

/**
 * Two person-name words one nisba apart: "Heydar" and "Heydari", "Saleh" and "Salehi" (data/name-structure.json).
 * One letter, so an edit link would take them for one name misspelt; they are two names (a given name and the
 * family name made from it).
 */
export function nisbaPair(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length < NISBA_MIN || !long.startsWith(short)) return false;
  return NISBA.includes(long.slice(short.length));
}
