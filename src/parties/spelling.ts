import { tokenHash } from './deletions.ts';

/**
 * Two words with the same skeleton (skeleton.ts) are the same name, but not equally surely: "Gennadiy" and
 * "Gennadij" are one Cyrillic name in two romanisation systems, while "CGI" and "KGI" only sound alike. The
 * skeleton folds both kinds; the scorer grades them apart (issue 19, "a token equal only after phonetic
 * folding must not score like an exact token").
 *
 * The light fold keeps the letters a romanisation system never trades (c/k/q/x are spelled as heard, not as
 * transliterated), and folds only the choices that differ between BGN/PCGN, ISO 9, passport/ICAO and the
 * German/French conventions for one source letter: й/ы/и/я (y, j, i), х (kh, h), ц (ts, tz), ж (zh, z),
 * щ/ш (shch, sch, sh), дж (dzh, dj), у (ou, u), в (w, v), Greek φ/θ (ph/f, th/t), German umlauts (ue/oe)
 * and doubled letters.
 */
const LIGHT: [RegExp, string][] = [
  [/shch/g, 'sh'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh/g, 'dj'],
  [/zh/g, 'z'],
  [/kh/g, 'h'],
  [/ts/g, 'c'],
  [/tz/g, 'c'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/w/g, 'v'],
  [/[yj]/g, 'i'],
  [/^ie/, 'e'],
  [/ou/g, 'u'],
  [/ue/g, 'u'],
  [/oe/g, 'o'],
  [/(.)\1+/g, '$1'],
];

export function lightFold(word: string): string {
  if (/^\d+$/.test(word)) return word;
  let s = word;
  for (const [re, out] of LIGHT) s = s.replace(re, out);
  return s;
}

/**
 * Light-fold key of a word romanised from another script ("ЕКС-КЛЕ" for "EX-CLE"): any spelling with its
 * skeleton is then a transliteration, c/k and x/ks included, since the romaniser chose them, not the writer.
 */
export const ROMANISED = 0;
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/** The name is written (at least partly) in a script other than Latin. */
export function romanised(raw: string): boolean {
  return NON_LATIN_LETTER.test(raw);
}

/** The 32-bit keys a token is graded by: its plain ASCII word and its light fold. */
export function wordHash(word: string): number {
  return tokenHash(word);
}
/** The light-fold key unmemoised, for index builds (which keep their own map of the words they saw). */
export function foldHash(word: string): number {
  // A real fold hashing to the sentinel would only grade a sound-alike as a transliteration.
  return tokenHash(lightFold(word)) || 1;
}

/** Word → light hash. Names share words, and the fold is 17 regex passes: bounded like skeleton.ts's memo. */
const LIGHT_MEMO = 20_000;
const lightMemo = new Map<string, number>();

export function lightHash(word: string): number {
  let h = lightMemo.get(word);
  if (h !== undefined) return h;
  h = foldHash(word);
  if (lightMemo.size >= LIGHT_MEMO) lightMemo.clear();
  lightMemo.set(word, h);
  return h;
}

/** The grade of two words with one skeleton and different spellings. */
export function spellingKind(qLight: number, cLight: number): 'translit' | 'phonetic' {
  return qLight === cLight || qLight === ROMANISED || cLight === ROMANISED ? 'translit' : 'phonetic';
}

/**
 * How two aligned name parts are alike; the explanation names it. `variant`: the same Arabic name in another
 * romanisation family (arabic-frames.ts: "gaddafi≈qadhafi"). `acronym`: an organisation's acronym for words of
 * the other name (org-acronym.ts: "sez=special+economic+zone"). `place form`: a town's name and its adjective in
 * an organisation's name (org-place-forms.ts: "uralsky~ural"). `unvowelled`: a list word romanised from Arabic or
 * Hebrew script, the query's word without the vowels that script leaves unwritten (unvowelled.ts: "tariq≈tarq").
 */
export type SimKind =
  | 'exact'
  | 'translit'
  | 'phonetic'
  | 'edit'
  | 'glued'
  | 'initial'
  | 'variant'
  | 'acronym'
  | 'place form'
  | 'unvowelled';
export const SIM_KINDS: readonly SimKind[] = [
  'exact',
  'translit',
  'phonetic',
  'edit',
  'glued',
  'initial',
  'variant',
  'acronym',
  'place form',
  'unvowelled',
];

/**
 * Similarity of two words with one skeleton, by kind and by the shorter word's length. A short word must be
 * spelled exactly: among 3-letter words a changed letter is usually another word ("CGI"/"KGI"), so a short
 * sound-alike proves little; in a 9-letter name a romanisation variant is nearly certain.
 */
export function skeletonEqualSim(kind: 'translit' | 'phonetic', len: number): number {
  if (kind === 'translit') return len <= 3 ? 0.9 : len <= 5 ? 0.97 : 0.98;
  return len <= 3 ? 0.7 : len <= 5 ? 0.85 : 0.9;
}
