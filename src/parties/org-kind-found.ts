import { GENERIC, STATUS } from './tokenize.ts';

/**
 * An organisation query that names its one distinctive word with words of kind ("Makeyev *Design Bureau*",
 * "Zelenodolsk *Design Bureau*"), every one found on the list's name: the list agrees on what kind of body it
 * is, so a word the list adds ("MAKEYEV *ROCKET* DESIGN BUREAU", "ZELENODOLSKY *PROJECT AND* DESIGN BUREAU")
 * describes the same body, or a part of it ("… Holding"), which an officer looks at all the same. name-ceiling.ts
 * then holds the match at review instead of below it, never at block. "Yandex" on "JSC Yandex Bank" names no
 * kind and stays below; "Axis Bank" on "Z AXIS LLC" leaves its kind unfound and stays below.
 */
export function kindFound(flags: readonly number[], used: number): boolean {
  let found = false;
  for (let i = 0; i < flags.length && i < 31; i++) {
    if ((flags[i]! & (GENERIC | STATUS)) !== GENERIC) continue;
    if (!(used & (1 << i))) return false;
    found = true;
  }
  return found;
}
