import { glueKey, INITIAL } from './tokenize.ts';

/**
 * A word typed with two spaces inside it ("Nikolai Plat Ono Vich Patrushev" for Platonovich; "Xi Jin Ping"): the
 * three pieces glued link a listed word, as two pieces already do (prepare-query.ts). Only short pieces (a word
 * broken in three leaves no piece longer than MAX_PIECE) that glue into a word of MIN_GLUED letters or more, and
 * only to a listed word spelled exactly so: three words that happen to spell a fourth are rarer still than two,
 * but a slip on top of two breaks is a guess. At most one key a position: 14 lookups for the 16 words a name keeps.
 */
const MAX_PIECE = 5;
const MIN_GLUED = 8;

export function tripleGlueKeys(
  words: readonly string[],
  flags: ArrayLike<number>,
): { mask: number; key: string }[] {
  const out: { mask: number; key: string }[] = [];
  for (let i = 0; i + 2 < words.length; i++) {
    const pieces = [words[i]!, words[i + 1]!, words[i + 2]!];
    if (pieces.some((p, k) => p.length > MAX_PIECE || flags[i + k]! & INITIAL)) continue;
    const key = glueKey(pieces[0]!, pieces[1]! + pieces[2]!);
    if (key !== undefined && key.length >= MIN_GLUED) out.push({ mask: 7 << i, key });
  }
  return out;
}
