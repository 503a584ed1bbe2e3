import { isCommonNameSkel } from './common-names.ts';
import type { IndexData } from './index-data.ts';
import { nameForms } from './nicknames.ts';
import { skeleton } from './skeleton.ts';
import { GENERIC, INITIAL, type NameTokens, STATUS, TITLE, tokenizeName } from './tokenize.ts';

/**
 * A reference code typed into the name field beside the name: a customer record's account, branch or file number
 * before the name ("X7B IVAN PETROV", "0042 ACME TRADING LLC") or a mixed code after it ("IVAN PETROV 7B2"), the
 * peer heuristic "add leading three alphanumeric characters" (opensanctions/nomenklatura's name benchmark). A word
 * no list uses weighs as the rarest word there is (prepare-query.ts), so such a code left a listed name found
 * whole beside it under review (0.72–0.79 on `eval:match --set variants`, seed 1). It is set apart from the name,
 * as a legal form is, and the match on the rest is held at review on the name alone (name-score.ts): the code
 * may yet be part of a name no list holds.
 *
 * What counts as a code, each shape for a reason:
 * - letters and digits mixed, 2–5 characters, first or last ("X7B", "19K", "A12F"): no name is written so; a
 *   longer one may be a listed name typed without its hyphen ("TKT1997 RAZVOJ" for "TKT-1997 RAZVOJ");
 * - digits alone, 2–6, first only: "877 MOSLEHI Haidar"; a number after a name tells vessels and plants apart
 *   ("FU YUAN YU 7606" is not "… 7617", "Plant 9");
 * - three letters, first only ("XGB Sergey KOZLOV", "XPD AL-TA'IR COMPANY"); last, three letters are a syllable
 *   of a person's name ("Kim Kyu Hoo"). Before a firm's name (and a name of no known kind read as one) three
 *   letters may be the firm's own acronym ("JSW Steel Limited" is not "Steel Limited": a clean company that
 *   alerted on a listed "… STEEL COMPANY" on the independent set), so there the rest must keep a distinctive word
 *   (distinctAfter: one few listed names use): only then is the rest found whole a listed firm's own name rather
 *   than a kind of business. Held to persons, the code was left a word in names of no known kind read as a
 *   firm's: 10 and 19 leading-code misses of eval:match --set variants (seeds 1, 2) are found so.
 * And always: the tokenizer reads it as the first (last) word of the name, not a legal form, title or ordinal; no
 * list holds that word, nor that word glued to its neighbour ("FIN IANOS": a listed "FINIANOS" split), nor, for three
 * letters, the name tables (one an edit away from a listed word is still a code: "XGB" folds to "ksgb", one letter
 * from many words); the rest of the name keeps a word of two letters or more.
 */
const MIXED = /^(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,5}$/;
const DIGITS = /^\d{2,6}$/;
const LETTERS = /^[A-Za-z]{3}$/;
const LEADING = /^\s*(\S+)\s+(?=\S)/;
const TRAILING = /(?<=\S)\s+(\S+)\s*$/;
const NAME_WORD = /\p{L}{2}/u;
/** Letters of a distinctive word a firm's name keeps beside a three-letter code ("GPOC", "Manta", "KARAKUZ"). */
const DISTINCT_CHARS = 4;
/**
 * Listed names a distinctive word may be in. A word of trade is in many ("steel" 97, "trading" 942 of the 86,099
 * names of every list loaded), a firm's own name in a few ("GPOC" 1, "Hizballah" 21, "Lebanese" 22). Set between
 * the two from those counts, not fitted to the set's cases.
 */
const DISTINCT_MAX_NAMES = 50;

export interface CodeApart {
  /** The name without its code. */
  name: string;
  code: string;
}

export function referenceCode(d: IndexData, raw: string, person: boolean): CodeApart | null {
  // Shapes first: most names have no code, and only a shaped word is worth tokenizing the name for.
  const lead = LEADING.exec(raw);
  const leadCode = lead?.[1];
  const leading =
    leadCode !== undefined && (MIXED.test(leadCode) || DIGITS.test(leadCode) || LETTERS.test(leadCode));
  const trail = TRAILING.exec(raw);
  const trailing = trail?.[1] !== undefined && MIXED.test(trail[1]);
  if (!leading && !trailing) return null;
  const t = tokenizeName(raw, person);
  const lettersOnly = leading && LETTERS.test(leadCode!);
  if (
    leading &&
    (person || !lettersOnly || distinctAfter(d, t, 0)) &&
    apart(d, t, 0, leadCode!, raw.slice(lead![0].length))
  )
    return { name: raw.slice(lead![0].length), code: leadCode! };
  if (trailing && apart(d, t, t.skels.length - 1, trail![1]!, raw.slice(0, trail!.index)))
    return { name: raw.slice(0, trail!.index), code: trail![1]! };
  return null;
}

/**
 * Three letters set apart before a firm's name may yet be its acronym for listed words ("NCW VELMORA" for "NORTHERN
 * CABLE WORKS VELMORA", the Russian "NPK" for "Scientific Production Concern": org-acronym.ts), which only a
 * candidate can tell: search.ts reads such a name once more with the letters kept, as it read them before codes
 * were set apart in a firm's name.
 */
export function mayBeAcronym(c: CodeApart, person: boolean): boolean {
  return !person && LETTERS.test(c.code);
}

/** Cheap: whether the name begins with a word of three letters (a code or an acronym), before any reading. */
export function leadsWithThreeLetters(raw: string): boolean {
  const lead = LEADING.exec(raw)?.[1];
  return lead !== undefined && LETTERS.test(lead);
}

/**
 * The code is the name's first (last) word as the tokenizer reads it, not a legal form ("OAO", set apart already),
 * a title ("Gen") nor an ordinal ("27TH" is 27), and no list holds that word.
 */
function apart(d: IndexData, t: NameTokens, i: number, code: string, rest: string): boolean {
  if (!NAME_WORD.test(rest) || t.words[i] !== code.toLowerCase() || t.flags[i]! & TITLE) return false;
  const skel = t.skels[i]!;
  // Three letters may be a short name ("Ali", "Ana", "Sun"): a one-entry watchlist holds too few words to say it is
  // not one, so the name tables and the shared lists (its background) are asked too.
  if (LETTERS.test(code) && (isCommonNameSkel(skel) || nameForms(skel).size > 0)) return false;
  if (listed(d, skel)) return false;
  // A listed word split by a space is its first (last) piece: "FIN IANOS Yusif" is "FINIANOS, Yusif".
  const other = i === 0 ? t.words[1] : t.words[i - 1];
  if (other === undefined) return true;
  return !listed(d, skeleton(i === 0 ? t.words[i] + other : other + t.words[i]));
}

/** Some list (the index's own or its background) holds the word. */
function listed(d: IndexData, skel: string): boolean {
  if ((d.background?.df(skel) ?? 0) > 0) return true;
  const v = d.vocabMap.get(skel);
  return v !== undefined && d.df[v]! > 0;
}

/**
 * A word after position `i` of DISTINCT_CHARS letters or more, not generic, of status, an initial or a title, that
 * few listed names use (own index and its background alike): a name's own word, not a word of trade.
 */
function distinctAfter(d: IndexData, t: NameTokens, i: number): boolean {
  for (let j = i + 1; j < t.skels.length; j++) {
    if (t.flags[j]! & (GENERIC | STATUS | INITIAL | TITLE) || t.words[j]!.length < DISTINCT_CHARS) continue;
    const skel = t.skels[j]!;
    const v = d.vocabMap.get(skel);
    const df = Math.max(v === undefined ? 0 : d.df[v]!, d.background?.df(skel) ?? 0);
    if (df <= DISTINCT_MAX_NAMES) return true;
  }
  return false;
}
