/**
 * Initials typed together without dots ("JC Juncker", "AK Sharma", "JR Ewing"): a person's name whose other words
 * are written in small letters with a capital shows by its case that a word of two or three capitals is not a
 * name but its initials, read as "J. C." is. Not in a name written all in capitals ("LI WEI", "NG KOK"), where
 * the case tells nothing, not before a dot or as the only word, and not when the word is a listed word as written
 * (`listed`: the exact vocabulary). Persons only: in an organisation's name capitals are an acronym (org-acronym.ts).
 */
const CAPITALS_WORD = /(?<![\p{L}\p{N}.])(\p{Lu}{2,3})(?![\p{L}\p{N}.])/gu;
const NAME_WORD = /\p{Lu}\p{Ll}{2,}/u;

export function initialsApart(raw: string, person: boolean, listed: (written: string) => boolean): string {
  if (!person || !NAME_WORD.test(raw)) return raw;
  return raw.replace(CAPITALS_WORD, (word: string) => (listed(word) ? word : [...word].join(' ')));
}
