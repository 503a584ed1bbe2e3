import { doubleMetaphone } from 'double-metaphone';
import type { ListEntity } from '../../src/entity/list-entity.ts';
import { namesOf, ref, words } from './cases.ts';

/**
 * Spelling collisions: a clean negative that is a listed name spelt otherwise ("Mohammed Farouk" against a
 * listed "FAROOQ, Muhammad", "Ibrahim Nasser" against "Ibrahim NASIR"). A name-only screening of a listed
 * person's name should alert, so such a negative is a collision like an exact one, counted apart.
 *
 * The criterion is published and independent of the engine's normaliser: Lawrence Philips's Double Metaphone
 * (C/C++ Users Journal, June 2000; the `double-metaphone` npm package), every word of the negative pairing
 * one-to-one with a word of one listed name under the same **primary** code, the same number of words on
 * both sides, and each pair beginning with the same letter (as Soundex keeps the first letter: the code
 * drops vowels and folds K/C/Q/G, so "Khaled Khoury" and "Claudia Guerra" share codes). Primary codes only (Philips's "strong" match): the alternate codes are looser ("Smith" and
 * "Schmidt" meet there), and a benchmark that hides false hits as collisions too readily flatters the
 * engine. A code of one letter says too little (the algorithm drops vowels: "Wei", "Yu" and "Wu" are all
 * "A", "Li"/"Liu"/"Le" all "L"), so such a word must be written alike. A nickname ("Bob"/"Robert") or a
 * dropped word is never a spelling collision. Persons only (negatives.ts): a person's name written from
 * another script has many spellings, a company's brand one ("Cemex" is not "CIMEX", "SABIC" not "SAPICO").
 */
export function soundAlikeKey(name: string): string {
  const codes = words(name).map((w) => primaryCode(w));
  // A word with no code (digits only) has no sound: such a name is keyed by nothing and collides with none.
  if (codes.length === 0 || codes.some((c) => c === '')) return '';
  return codes.sort().join(' ');
}

const cache = new Map<string, string>();

/** The word's first letter and its Double Metaphone primary code ("f:FRK"); a one-letter code: the word. */

function primaryCode(word: string): string {
  let code = cache.get(word);
  if (code === undefined) {
    // The algorithm reads Latin letters only; a word in another script has no primary code of its own.
    code = /^[a-z]+$/.test(word) ? `${word[0]}:${doubleMetaphone(word)[0]}` : '';
    if (code !== '' && code.length <= 3) code = `=${word}`;
    cache.set(word, code);
  }
  return code;
}

/** The first listed entry (by list order) with a name that sounds alike word for word, if any. */
export function soundAlikeFinder(entities: readonly ListEntity[]): (name: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const e of entities)
    for (const n of namesOf(e)) {
      const k = soundAlikeKey(n);
      if (k !== '' && !byKey.has(k)) byKey.set(k, `${ref(e)} "${n}"`);
    }
  return (name) => {
    const k = soundAlikeKey(name);
    return k === '' ? undefined : byKey.get(k);
  };
}
