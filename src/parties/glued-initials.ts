import { isNameParticle } from './common-names.ts';
import { skeleton } from './skeleton.ts';

/**
 * Initials typed together without dots ("JC Juncker", "AK Sharma", "JR Ewing"): a person's name whose other words
 * are written in small letters with a capital shows by its case that a word of two or three capitals is not a
 * name but its initials, read as "J. C." is. Not in a name written all in capitals ("LI WEI", "NG KOK"), where
 * the case tells nothing, not before a dot or as the only word, and not when the word is a listed word as written
 * (`listed`: the exact vocabulary). Persons only: in an organisation's name capitals are an acronym (org-acronym.ts).
 * A word that can be said is a word: two letters that are a surname particle ("AL", "EL", "DE"), three with a
 * vowel ("BEN", "IBN", "ABU", "VAN": a nasab marker or a particle in capitals, as lists write them).
 */
// Apostrophes and hyphens join a word's parts ("TU’MA", "AL-BA"): capitals beside them are no word of their own.
const CAPITALS_WORD = /(?<![\p{L}\p{N}.'’‘`-])(\p{Lu}{2,3})(?![\p{L}\p{N}.'’‘`-])/gu;
const NAME_WORD = /\p{Lu}\p{Ll}{2,}/u;

const VOWEL = /[AEIOUY]/;
const isWord = (w: string) => (w.length === 2 ? isNameParticle(skeleton(w.toLowerCase())) : VOWEL.test(w));

export function initialsApart(raw: string, person: boolean, listed: (written: string) => boolean): string {
  if (!person || !NAME_WORD.test(raw)) return raw;
  return raw.replace(CAPITALS_WORD, (word: string) =>
    isWord(word) || listed(word) ? word : [...word].join(' '),
  );
}
