import type { IndexData } from './index-data.ts';
import type { LinkFinder } from './prepare-query.ts';
import { glueKey, MAX_TOKENS, type NameTokens } from './tokenize.ts';

/**
 * A name typed without spaces ("alexanderivanovichpetrov") is one long token that links to nothing; glued
 * pairs only rejoin two words. Such a token is split into vocabulary words: a dynamic programme over split
 * points, each piece a vocabulary lookup, fewest pieces wins. Bounded: tokens are at most 32 letters
 * (tokenize.ts), so at most 32·33/2 = 528 lookups per token, and only tokens of MIN_LETTERS or more that
 * link to nothing are tried.
 */
export const MIN_LETTERS = 10;
const MIN_PIECE = 2;
const MAX_PIECES = 6;

/** Vocabulary words (skeletons) that spell `s` end to end, or null. */
export function wordBreak(d: IndexData, s: string): string[] | null {
  const n = s.length;
  // cost[j]: fewest pieces covering s[0, j); from[j]: where the last piece starts.
  const cost = new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Number.POSITIVE_INFINITY || cost[i]! >= MAX_PIECES) continue;
    // A piece may also begin one letter back: the skeleton collapsed a letter two words shared ("ivanna"+"avdeeva").
    for (const start of i > 0 ? [i, i - 1] : [i]) {
      for (let j = start + MIN_PIECE; j <= n; j++) {
        const v = d.vocabMap.get(s.slice(start, j));
        if (v === undefined || d.df[v] === 0) continue;
        const c = cost[i]! + 1 + (start < i ? 0.5 : 0);
        if (c < cost[j]!) {
          cost[j] = c;
          from[j] = start === i ? i : -(i + 1);
        }
      }
    }
  }
  if (cost[n] === Number.POSITIVE_INFINITY || cost[n]! < 2) return null;
  const pieces: string[] = [];
  for (let j = n; j > 0; ) {
    const f = from[j]!;
    const end = f >= 0 ? f : -f - 1; // where the previous piece ended
    const start = f >= 0 ? f : end - 1;
    pieces.push(s.slice(start, j));
    j = end;
  }
  return pieces.reverse();
}

/**
 * Nothing links the token, alone or glued to a neighbour ("VOSTOKGAZP ROM" is "Vostokgazprom" split, not a
 * run of words). Each lookup is cached by indexLinks, so prepareName's own lookups cost nothing more.
 */
function unlinked(d: IndexData, t: NameTokens, i: number, find: LinkFinder): boolean {
  if (t.readings?.[i] || find(d, t.skels[i]!, 2).size > 0) return false;
  const glued = (a: string, b: string) => {
    const k = glueKey(a, b);
    return k !== undefined && find(d, k, 1).size > 0;
  };
  const w = t.words;
  if (i > 0 && glued(w[i - 1]!, w[i]!)) return false;
  return !(i + 1 < w.length && glued(w[i]!, w[i + 1]!));
}

/** The name with each long token that links to nothing replaced by its vocabulary words, when it has some. */
export function breakGluedTokens(d: IndexData, t: NameTokens, find: LinkFinder): NameTokens {
  if (!t.skels.some((s) => s.length >= MIN_LETTERS)) return t;
  const out: NameTokens = { skels: [], words: [], flags: [], legal: t.legal };
  const readings: NameTokens['readings'] = t.readings ? [] : undefined;
  for (let i = 0; i < t.skels.length; i++) {
    const s = t.skels[i]!;
    const pieces = s.length >= MIN_LETTERS && unlinked(d, t, i, find) ? wordBreak(d, s) : null;
    for (const p of pieces ?? [s]) {
      if (out.skels.length >= MAX_TOKENS) break;
      out.skels.push(p);
      out.words.push(pieces ? p : t.words[i]!);
      out.flags.push(pieces ? 0 : t.flags[i]!);
      readings?.push(pieces ? undefined : t.readings?.[i]);
    }
  }
  if (readings) out.readings = readings;
  return out;
}
