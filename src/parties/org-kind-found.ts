import { GENERIC, STATUS } from './tokenize.ts';

/**
 * An organisation query that names its one distinctive word with a word of kind ("Makeyev *Design Bureau*",
 * "Zelenodolsk *Design Bureau*") found on the list's name, and no word of kind left unmatched on either side:
 * the list agrees on what kind of body it is, so a word the list adds ("MAKEYEV *ROCKET* DESIGN BUREAU",
 * "ZELENODOLSKY *PROJECT AND* DESIGN BUREAU") describes the same body. name-ceiling.ts then holds the match at
 * review instead of below it. "Yandex" on "Yandex Bank" names no kind and stays below; "Yandex Bank" on "Yandex
 * Bank Technologies" is not this rule's business (two core words).
 */
export function kindFound(flags: readonly number[], used: number, kindLeftOver: boolean): boolean {
  if (kindLeftOver) return false;
  for (let i = 0; i < flags.length && i < 31; i++)
    if (used & (1 << i) && (flags[i]! & (GENERIC | STATUS)) === GENERIC) return true;
  return false;
}
