import { readTable } from './data-table.ts';
import { nameForms } from './nicknames.ts';
import { skeleton } from './skeleton.ts';
import { INITIAL } from './tokenize.ts';

/**
 * A name prior: given names and surnames so common that a person typed as just "given family" names thousands
 * of people ("Maxim Smirnov", "John Smith", "Ahmed Al-Zahrani"). Such a name found inside a longer listed name
 * ("SMIRNOV, Maxim Yuryevich") is another person as often as not: the list has a patronymic or middle name the
 * customer did not type, and nothing else agrees. name-score.ts holds it below review unless a field (birth
 * date, country, identifier) agrees; a rare name, or the listed name word for word, is not held.
 * Table: data/common-names.csv (sources in data/PROVENANCE.md). Compared by skeleton, so "Mikhailov" is
 * "Mikhaylov"; an East Slavic surname's feminine form (-ova, -eva, -ina) counts as its masculine one.
 */
const GIVEN = new Set<string>();
const SURNAME = new Set<string>();
const fold = (w: string) =>
  skeleton(w.normalize('NFKD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase());
for (const row of readTable('common-names.csv')) {
  const value = row.value ?? '';
  const set = row.part === 'given' ? GIVEN : SURNAME;
  // "Min-jun", "Su-bin": the tokenizer splits a hyphenated given name; each part counts as a given name.
  for (const word of value.split('-')) if (word) set.add(fold(word));
  if (row.part === 'surname' && /(?:ov|ev|in)$/.test(value)) SURNAME.add(fold(`${value}a`));
}

/** Particles of a surname ("Al-Otaibi", "el Masri", "van Dijk") that do not count as a word of the name. */
const PARTICLES = new Set(
  ['al', 'el', 'ul', 'ad', 'as', 'ash', 'az', 'van', 'von', 'de', 'da', 'di', 'le', 'la'].map(skeleton),
);

/** A surname particle, which no name rule counts as a word of the name. */
export const isNameParticle = (skel: string): boolean => PARTICLES.has(skel);

/**
 * True when the query is one common surname and one or two common given names and nothing else (initials and
 * surname particles aside), in any order: "Maxim Smirnov", "SMIRNOV Maxim", "Choi Su-bin".
 */
export function isCommonPersonName(skels: readonly string[], flags: readonly number[]): boolean {
  const words: string[] = [];
  for (let i = 0; i < skels.length; i++)
    if (!(flags[i]! & INITIAL) && !PARTICLES.has(skels[i]!)) words.push(skels[i]!);
  if (words.length < 2 || words.length > 3) return false;
  // One word is the surname, the others given names ("Li Yong": either may be the surname).
  return words.some((s, i) => SURNAME.has(s) && words.every((g, j) => j === i || GIVEN.has(g)));
}

/** The skeleton is a common given name or surname. */
export const isCommonNameSkel = (skel: string): boolean => GIVEN.has(skel) || SURNAME.has(skel);

const consonantsOf = (skel: string) => skel.replace(/[aeiouy]/g, '');

/**
 * A common name with a consonant changed, added or dropped is another name ("Zahrani"/"Zafrani", "Ali"/"Adi"),
 * not the common one misspelt: the vowels are what romanisations and typists vary (Mohammed/Muhammad,
 * Hussein/Husain). Asked only for a query made of common names, whose every word is then a name as typed. A
 * short or full form of the name (nicknames.ts: Robert/Bob, Aleksandr/Alexander) is the same name.
 */
export function anotherThanCommon(querySkel: string, listSkel: string): boolean {
  const c = consonantsOf(listSkel);
  if (!isCommonNameSkel(querySkel) || consonantsOf(querySkel) === c) return false;
  for (const form of nameForms(querySkel)) if (consonantsOf(form) === c) return false;
  return true;
}
