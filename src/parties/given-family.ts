import { isCommonNameSkel, isNameParticle } from './common-names.ts';
import type { IndexData } from './index-data.ts';
import type { PreparedName } from './prepare-query.ts';
import { ANCESTOR, FAMILY, GIVEN, INITIAL, TITLE } from './tokenize.ts';

/**
 * "JADHRAN, Ibrahim" against "Ibrahim Saeed Salim JADHRAN"; "AL-GHAMDI, Othman" against "OTHMAN AHMED OTHMAN
 * AL-GHAMDI". Lists and customers drop middle names, a father's and grandfather's names (the nasab) or add them,
 * so one side is often a two- or three-word subset of the other. When every word of the shorter name is found in
 * the longer one and what it found there is the longer name's given name *and* its family name, an officer must
 * look, however many middle names the coverage share counts against it: the name score is held at
 * about SUBSET_FLOOR, a review and never a block on the name alone (name-ceiling.ts). The common-name prior still
 * holds "Maxim Smirnov" inside "SMIRNOV, Maxim Yuryevich" below review (common-names.ts), for a list name made
 * of common names as for a query.
 */
export const SUBSET_FLOOR = 0.85;
/**
 * The held score keeps a twentieth of its distance below the floor, so a name found through a nickname still
 * ranks below the exact one: a coverage score of 0.37 is held at 0.826, one of 0.79 at 0.847.
 */
export const SUBSET_SLOPE = 0.05;
/** A word counts as found at this similarity: same word, romanisation variant, full/short form, long-word typo. */
export const FOUND_SIM = 0.85;

const popcount = (m: number) => {
  let c = 0;
  for (let x = m >>> 0; x; x &= x - 1) c++;
  return c;
};

/** Words that must be found: not initials, titles or surname particles ("al", "van"). */
function coreMask(flags: (i: number) => number, skel: (i: number) => string, n: number): number {
  let m = 0;
  for (let i = 0; i < n && i < 31; i++)
    if (!(flags(i) & (INITIAL | TITLE)) && !isNameParticle(skel(i))) m |= 1 << i;
  return m;
}

function roleMask(flags: (i: number) => number, n: number, role: number): number {
  let m = 0;
  for (let i = 0; i < n && i < 31; i++) if (flags(i) & role) m |= 1 << i;
  return m;
}

/**
 * `foundQ`/`foundC`: query and list positions aligned at FOUND_SIM or better. True when one side is wholly
 * found and covers the other's given and family names (both roles exist only in person names: tokenize.ts).
 */
export function givenFamilyFound(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  foundQ: number,
  foundC: number,
  pairOf: Int8Array,
): boolean {
  const cn = te - ts;
  const qn = q.skels.length;
  if (q.givenMask === 0 || q.familyMask === 0) return false;
  const cFlags = (i: number) => d.tokFlags[ts + i]!;
  const cSkel = (i: number) => d.vocab[d.tokVocab[ts + i]!]!;
  const cGiven = roleMask(cFlags, cn, GIVEN);
  const cFamily = roleMask(cFlags, cn, FAMILY);
  if (cGiven === 0 || cFamily === 0) return false;
  const qCore = coreMask(
    (i) => q.flags[i]!,
    (i) => q.skels[i]!,
    qn,
  );
  const cCore = coreMask(cFlags, cSkel, cn);
  // The query is the shorter name, found inside the list's.
  // A given name of two words ("Abdul Sattar") must be found whole; one family word is enough ("DIAZ MADRIZ").
  const qWhole = popcount(qCore) >= 2 && (qCore & ~foundQ) === 0;
  if (qWhole && (cGiven & ~foundC) === 0 && foundC & cFamily) return !q.commonName;
  // The list name is the shorter one, found inside the query.
  const qGivenFound = (q.givenMask & ~foundQ) === 0;
  const cWhole = popcount(cCore) >= 2 && (cCore & ~foundC) === 0;
  const cRare = () => {
    for (let i = 0; i < cn; i++) if (cCore & (1 << i) && !isCommonNameSkel(cSkel(i))) return true;
    return false;
  };
  if (cWhole && qGivenFound && foundQ & q.familyMask) return cRare();
  if (qWhole && !q.commonName && middleGiven(cFlags, cSkel, cn, cGiven, cFamily, foundC, q, pairOf))
    return true;
  // The longer name ends in a name the shorter has not, a father's name or a second surname: "DAWOOD IBRAHIM
  // KASKAR" for "IBRAHIM, Dawood", the UN's "KHAIRULLAH BARAKZAI KHUDAI NAZAR" for "BARAKZAI, Haji Khairullah"
  // (given, family, father), "Francisco Javier DIAZ MADRIZ". Its last word is then read as its family name and
  // is not found; the shorter name's given name found on the longer's given name, and its family name found
  // after it, still give both names (issue 19).
  if (
    qWhole &&
    !q.commonName &&
    trailingExtra(cFlags, cn, cGiven, cFamily, foundC, q.givenMask, q.familyMask, (i) => pairOf[i]!, qn)
  )
    return true;
  if (
    cWhole &&
    trailingExtra(
      (i) => q.flags[i]!,
      qn,
      q.givenMask,
      q.familyMask,
      foundQ,
      cGiven,
      cFamily,
      (j) => listToQuery(pairOf, qn, j),
      cn,
    )
  )
    return cRare();
  return false;
}

/** The query position paired with list position `j` (-1: none). */
function listToQuery(pairOf: Int8Array, qn: number, j: number): number {
  for (let i = 0; i < qn; i++) if (pairOf[i] === j) return i;
  return -1;
}

/**
 * The longer name (`flags`, `n` words, roles `given`/`family`, `found` mask) has its family name, its last word,
 * unfound; every given-name word of the shorter name (`sGiven`, `sn` words) is paired (`pair`) with one of the
 * longer's given-name words, and its family name with the word right after them.
 */
function trailingExtra(
  flags: (i: number) => number,
  n: number,
  given: number,
  family: number,
  found: number,
  sGiven: number,
  sFamily: number,
  pair: (i: number) => number,
  sn: number,
): boolean {
  if ((family & found) !== 0 || (given & ~found) !== 0 || !(family & (1 << (n - 1)))) return false;
  let lastGiven = -1;
  for (let i = 0; i < sn; i++) {
    if (!(sGiven & (1 << i))) continue;
    const j = pair(i);
    if (j < 0 || !(given & (1 << j))) return false;
    lastGiven = Math.max(lastGiven, j);
  }
  for (let i = 0; i < sn; i++) {
    if (!(sFamily & (1 << i))) continue;
    const j = pair(i);
    // Right after the given name, as "Given Family Father" is written; a word further on is a middle or a
    // father's name ("KAMAL BEN MAOELDI BEN HASSAN AL-HAMRAOUI" is not "AL-HASSAN, Kamal").
    if (j !== lastGiven + 1 || flags(j) & (GIVEN | FAMILY | ANCESTOR)) return false;
  }
  return lastGiven >= 0;
}

/**
 * The query's given name is one of the listed person's later given names, its family name the list's: "Ilunga
 * KAMPETE" for "Gaston Hughes Ilunga KAMPETE", "AL-DIBISKI, Nur Al-Din" for "Salim Nur al-Din Amhmd
 * al-Dibiski". People are known by a middle name (a Congolese post-name, a father's name in an Arabic nasab written
 * without "bin"), and lists list them so; it may also be the father, which an officer must look at all the same;
 * a name the list marks as a father's ("ben Hassan") is not the person's own. Every query given
 * word is paired with a word before the list's family name, every family word with a family word, none of them a
 * common name (a rare query only: "John SMITH" is not looked for inside "Robert John SMITH").
 */
function middleGiven(
  cFlags: (i: number) => number,
  cSkel: (i: number) => string,
  cn: number,
  cGiven: number,
  cFamily: number,
  foundC: number,
  q: PreparedName,
  pairOf: Int8Array,
): boolean {
  if ((cFamily & foundC) === 0) return false;
  // The list marks its first word as the given name (tokenize.ts): a middle name is any word before the family's.
  const before = ~cFamily & ((1 << Math.min(cn, 31)) - 1);
  // The query's words other than its family name are its given name ("Nur Al-Din": two words).
  const own = (i: number) => !(q.flags[i]! & (INITIAL | TITLE)) && !isNameParticle(q.skels[i]!);
  let givenWords = 0;
  for (let i = 0; i < q.skels.length; i++) if (own(i) && !(q.familyMask & (1 << i))) givenWords++;
  for (let i = 0; i < q.skels.length; i++) {
    if (!own(i)) continue;
    const given = (q.familyMask & (1 << i)) === 0;
    const j = pairOf[i]!;
    if (j < 0 || !((given ? before : cFamily) & (1 << j))) return false;
    // A name after "ben"/"bin" is the father's or grandfather's, not one of the person's own names.
    if (given && cFlags(j) & ANCESTOR) return false;
    // Nor a common given name alone: in an Arabic nasab without markers the middle names are the father's and the
    // grandfather's, mostly common given names ("Saeed ZUBAIDAN" is not "Ibrahim Saeed Salim ZUBAIDAN"); a given
    // name of two words ("Nur al-Din") is specific enough.
    if (isCommonNameSkel(cSkel(j)) && (!given || givenWords < 2)) return false;
  }
  return cGiven !== 0;
}

/** Common names needed for a common name to count as a whole name found (two given names and a surname). */
const WHOLE_COMMON_WORDS = 3;

/**
 * "LOPEZ, Jose Francisco" inside "Jose Francisco LOPEZ CENTENO": a query of common names, but three of them, every
 * one found, and the list's given name found too, so what the list adds is a second surname or a patronymic. Two
 * given names and a surname typed in full are the customer's whole name, not "Maxim Smirnov": the common-name
 * prior (common-names.ts) does not hold it below review; it is held at review (name-score.ts).
 */
export function commonWholeFound(
  d: IndexData,
  q: PreparedName,
  ts: number,
  te: number,
  foundQ: number,
  foundC: number,
): boolean {
  if (!q.commonName) return false;
  const qCore = coreMask(
    (i) => q.flags[i]!,
    (i) => q.skels[i]!,
    q.skels.length,
  );
  if (popcount(qCore) < WHOLE_COMMON_WORDS || (qCore & ~foundQ) !== 0) return false;
  const cGiven = roleMask((i) => d.tokFlags[ts + i]!, te - ts, GIVEN);
  return cGiven !== 0 && (cGiven & ~foundC) === 0;
}
