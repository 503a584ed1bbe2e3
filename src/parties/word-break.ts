import type { IndexData } from './index-data.ts';
import { LEGAL_SINGLE } from './legal-forms.ts';
import type { LinkFinder } from './prepare-query.ts';
import { skeleton } from './skeleton.ts';
import { glueKey, MAX_TOKENS, type NameTokens, PATRONYMIC, PATRONYMIC_RE } from './tokenize.ts';
import { writtenBreak } from './written-break.ts';

/**
 * A name typed without spaces ("alexanderivanovichpetrov") is one long token that links to nothing; glued
 * pairs only rejoin two words. Such a token is split into vocabulary words: a dynamic programme over split
 * points, each piece a vocabulary lookup, fewest pieces wins. Bounded: tokens are at most 32 letters
 * (tokenize.ts), so at most 32 · 22 lookups per token, and only letter tokens of MIN_LETTERS or more
 * that link to nothing, in names of at most MAX_NAME_TOKENS tokens, are tried.
 */
export const MIN_LETTERS = 10;
/**
 * A name typed without spaces is one or two tokens; a name of many tokens is not glued, and splitting garbage
 * into two-letter "words" would only add common links to score (bench:worst's 20-letter words class).
 */
const MAX_NAME_TOKENS = 3;
const MIN_PIECE = 3;
/** Longer than any vocabulary word but a handful (tokenize.ts: the longest skeleton has 29 letters). */
const MAX_PIECE = 24;
const MAX_PIECES = 5;
const LETTERS = /^[a-z]+$/;

/**
 * Vocabulary words (skeletons) that spell `s` end to end, or null. The skeleton collapses a letter two words
 * share at the joint into one ("dmitri"+"ivanovich" glued is "dmitrivanovich", "ekonomik"+"komite" is
 * "ekonomikomite"), so a piece may also begin on the last letter of the piece before it. That doubles the
 * lookups (still at most 32 · 22 · 2 a token). Among the readings that cover the token, fewest pieces wins,
 * then fewest shared letters, then the more frequent words ("sekond ekonomik komite", not "sekonde ekonomi
 * komite").
 */
export function wordBreak(d: IndexData, s: string, legal = false): string[] | null {
  const n = s.length;
  // cost[j] orders the readings of s[0, j): pieces first, shared letters next, rarity last; from[j] is where
  // the last piece starts, end[j] where the piece before it ends (one after from[j] when they share a letter).
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const pieces = new Array<number>(n + 1).fill(0);
  const from = new Array<number>(n + 1).fill(-1);
  const end = new Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Number.POSITIVE_INFINITY || pieces[i]! >= MAX_PIECES) continue;
    for (const start of i > 0 ? [i, i - 1] : [i]) {
      // A two-letter legal form ("AG", "OY", "CO") only opens or closes the name: inside, too many words hold one.
      const shortest = legal && (start === 0 || start + LEGAL_END_PIECE === n) ? LEGAL_END_PIECE : MIN_PIECE;
      for (let j = Math.max(i + 1, start + shortest); j <= Math.min(n, start + MAX_PIECE); j++) {
        const piece = s.slice(start, j);
        if (j - start < MIN_PIECE && ((start !== 0 && j !== n) || !LEGAL_SINGLE.has(piece))) continue;
        const v = d.vocabMap.get(piece);
        const df = v === undefined ? 0 : d.df[v]!;
        if (df === 0 && !(legal && LEGAL_SINGLE.has(piece))) continue;
        // A legal form is no listed word (the tokenizer sets it apart): it counts as the rarest piece.
        const c = cost[i]! + PIECE_COST + (start < i ? SHARED_COST : 0) - Math.log(Math.max(df, 1));
        if (c >= cost[j]!) continue;
        cost[j] = c;
        pieces[j] = pieces[i]! + 1;
        from[j] = start;
        end[j] = i;
      }
    }
  }
  if (pieces[n]! > MAX_PIECES || pieces[n]! < 2) return null;
  const out: string[] = [];
  for (let j = n; j > 0; j = end[j]!) out.push(s.slice(from[j]!, j));
  return out.reverse();
}
/** Larger than any sum of log-frequencies of five pieces (df < 10^6), so the order of criteria holds. */
const PIECE_COST = 1e4;
const LEGAL_END_PIECE = 2;
const SHARED_COST = 1e2;

/**
 * Nothing links the token (nor, unless `readings` is false, has it other systems' readings), alone or glued to a neighbour ("VOSTOKGAZP ROM" is "Vostokgazprom" split, not a
 * run of words). Each lookup is cached by indexLinks, so prepareName's own lookups cost nothing more.
 */
function unlinked(d: IndexData, t: NameTokens, i: number, find: LinkFinder, readings = true): boolean {
  if ((readings && t.readings?.[i]) || find(d, t.skels[i]!, 2).size > 0) return false;
  const glued = (a: string, b: string) => {
    const k = glueKey(a, b);
    return k !== undefined && find(d, k, 1).size > 0;
  };
  const w = t.words;
  if (i > 0 && glued(w[i - 1]!, w[i]!)) return false;
  return !(i + 1 < w.length && glued(w[i]!, w[i + 1]!));
}

/** The name with each long token that links to nothing replaced by its vocabulary words, when it has some. */
export function breakGluedTokens(d: IndexData, t: NameTokens, find: LinkFinder, org = false): NameTokens {
  if (org) t = splitLegalEnds(d, t, find);
  if (t.skels.length > MAX_NAME_TOKENS || !t.skels.some((s) => s.length >= MIN_LETTERS)) return t;
  const out: NameTokens = { skels: [], words: [], flags: [], legal: t.legal };
  const readings: NameTokens['readings'] = t.readings ? [] : undefined;
  for (let i = 0; i < t.skels.length; i++) {
    const s = t.skels[i]!;
    const tried = s.length >= MIN_LETTERS && LETTERS.test(s) && unlinked(d, t, i, find);
    const bySkeleton = tried ? wordBreak(d, s, org) : null;
    // The written letters, unless the skeleton reads the word in fewer pieces (its shared joint letters:
    // "dmitrivanovich"); the written pieces are the words as typed, the skeleton's may straddle a fold.
    const written = tried ? writtenBreak(d, t.words[i]!, org) : null;
    const useWritten =
      written !== null && (bySkeleton === null || written.pieces.length <= bySkeleton.length);
    if (useWritten && written.ambiguous) out.ambiguousBreak = true;
    const pieces = useWritten ? written.pieces : bySkeleton;
    for (const w of pieces ?? [s]) {
      const p = useWritten ? skeleton(w) : w;
      if (pieces && org && isLegalPiece(p)) {
        out.legal = [...out.legal, p];
        continue;
      }
      if (out.skels.length >= MAX_TOKENS) break;
      out.skels.push(p);
      out.words.push(pieces ? w : t.words[i]!);
      out.flags.push(pieces ? pieceFlags(p, pieces.length) : t.flags[i]!);
      readings?.push(pieces ? undefined : t.readings?.[i]);
    }
  }
  if (readings) out.readings = readings;
  return out;
}

/** A piece that is a legal form is set apart with the name's legal forms, as the tokenizer does with a word. */
const isLegalPiece = (p: string): boolean => LEGAL_SINGLE.has(p);

/** A piece is flagged as the tokenizer flags a word: a patronymic among three or more ("alexanderivanovichpetrov"). */
const pieceFlags = (p: string, count: number): number =>
  count >= 3 && p.length >= 7 && PATRONYMIC_RE.test(p) ? PATRONYMIC : 0;

/**
 * A legal form typed onto a word ("CJSCZest", "Mushko LogisticsPte. Ltd.", "S&C TRADEPTY CO.", "Трейдинговая
 * Компания" typed as one word): a token that links to nothing, begins or ends with a legal-form word of 3+ letters
 * (legal-forms.ts) and leaves a vocabulary word of 3+ letters is split, the legal form set apart as the tokenizer
 * would have. Two-letter forms (AG, SA, AS) end too many words to be told from a word's own letters. Lengths
 * tried: 3 ("pte") to 12 letters ("kompaniya", "tovarishchestvo"), at most 2 × 10 skeletons a token, in names
 * of MAX_LEGAL_END_TOKENS words or fewer.
 */
const MIN_LEGAL_END = 3;
const MAX_LEGAL_END = 12;
/** A legal form may follow a number ("VABO 2017OOD"); the form itself is letters. */
const WORD_OR_NUMBER = /^[a-z0-9]+$/;
const MIN_LEGAL_REST = 3;
const MAX_LEGAL_END_TOKENS = 6;

function splitLegalEnds(d: IndexData, t: NameTokens, find: LinkFinder): NameTokens {
  // A name typed in haste has a few words; bench:worst's 16 invented words a name would pay 8 skeletons each.
  if (t.skels.length > MAX_LEGAL_END_TOKENS) return t;
  let out: NameTokens | null = null;
  for (let i = 0; i < t.skels.length; i++) {
    const w = t.words[i]!;
    if (
      w.length < MIN_LEGAL_REST + MIN_LEGAL_END ||
      !WORD_OR_NUMBER.test(w) ||
      !unlinked(d, t, i, find, false)
    )
      continue;
    const split = legalEnd(d, w);
    if (!split) continue;
    out ??= { ...t, skels: [...t.skels], words: [...t.words], flags: [...t.flags], legal: [...t.legal] };
    if (t.readings) out.readings = [...t.readings];
    out.skels[i] = skeleton(split.core);
    out.words[i] = split.core;
    if (out.readings) out.readings[i] = undefined;
    out.legal.push(skeleton(split.legal));
  }
  return out ?? t;
}

function legalEnd(d: IndexData, w: string): { core: string; legal: string } | null {
  for (let k = MIN_LEGAL_END; k <= MAX_LEGAL_END; k++) {
    if (w.length - k < MIN_LEGAL_REST) break;
    for (const [legal, core] of [
      [w.slice(0, k), w.slice(k)],
      [w.slice(-k), w.slice(0, -k)],
    ] as const) {
      if (!LETTERS.test(legal) || !LEGAL_SINGLE.has(skeleton(legal))) continue;
      const v = d.vocabMap.get(skeleton(core));
      if (v !== undefined && d.df[v]! > 0) return { core, legal };
    }
  }
  return null;
}
