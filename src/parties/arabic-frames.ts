import table from './data/translit/arabic-latin.json' with { type: 'json' };

/**
 * One Arabic name has many Latin spellings, and they differ where the script is silent or one letter has several
 * readings: Qadhafi, Gaddafi, Kadhafi; Khamis, Khemais; Zayniyah, Zeiniye; Sulayman, Soliman; as-Sayyid written
 * Elsseid or Essid. The skeleton (skeleton.ts) folds the systems of Cyrillic; these are the families of Arabic
 * (data/translit/arabic-latin.json, with its sources). A word's *frame* is its consonants, each read as its Arabic
 * letter (dh and d are dhal; ch and sh are shin), with each run of vowels a dot; the vowels themselves are kept
 * beside the key as classes (a, i, u; e is a or i; a run is read by its first vowel), and two spellings agree
 * when their frames are equal and each pair of vowel runs shares a class: "Hasan" (a) is not "Husayn" (u),
 * "Kamal" is not "Kamil".
 *
 * Person names and names of no known kind only (build-index.ts, search.ts): the families are of personal names,
 * and a frame is coarse.
 */
export interface Frame {
  key: string;
  /** Vowel classes per run, 3 bits a run (a = 1, i = 2, u = 4), first run lowest. */
  vowels: number;
}

const CLASS_BIT: Record<string, number> = { a: 1, i: 2, u: 4 };
const VOWEL_BITS = new Map<string, number>(
  Object.entries(table.vowels.classes).map(([v, cs]) => [v, cs.reduce((m, c) => m | CLASS_BIT[c]!, 0)]),
);
/** Two-letter vowel runs read as a diphthong: ay is a or i (Husayn, Hussein), aw a or u (Awni, Ouni). */
const DIPHTHONGS = new Map<string, number>(
  Object.entries(table.vowels.diphthongs).map(([v, cs]) => [v, cs.reduce((m, c) => m | CLASS_BIT[c]!, 0)]),
);
const LETTERS = table.consonants.letters as [string, string][];
const AMBIGUOUS = new Map(table.consonants.ambiguous as [string, string[]][]);
const GLUED = table.article.glued;
const ELIDED = table.article.elided;
const SUN = new Set(table.article.sunLetters);
const NOT_ARABIC = table.notArabic.endings;
const DROP_AFTER_VOWEL = new Set(table.finalDrop.afterVowel);
const DROP_AFTER_CONSONANT = new Set(table.finalDrop.afterConsonant);

/** Shorter words are too short to tell apart by a frame ("Ali", "Ben"). */
const MIN_WORD = 4;
const MIN_CONSONANTS = 2;
/** 3 bits a run in a 32-bit number. */
const MAX_RUNS = 10;
/** A query word's frames: its g/k/j readings multiply, so at most this many (issue 18: bounded cost per word). */
export const MAX_QUERY_FRAMES = 8;
/** A frame stripped of a glued article meets only another stripped frame: "Albert" is not "Bert". */
const STRIPPED = '-';

const isVowelLetter = (s: string, i: number): boolean => {
  const c = s[i]!;
  if ('aeiou'.includes(c)) return true;
  // y and w after the first letter are vowels (Husayn, Marwan, Ghwell); first, they are Yusuf's and Walid's. But
  // y between i and a vowel is the consonant of the ending -iyya/-iyeh: "Jafariyeh" is not "Jafari".
  if (c === 'y') return i > 0 && !(s[i - 1] === 'i' && 'aeiou'.includes(s[i + 1] ?? '-'));
  return c === 'w' && i > 0;
};

/**
 * The word without a glued, assimilated or elided article, or null: "elsseid" → "sseid", "essid" → "sid",
 * "lazhar" → "azhar".
 */
function withoutArticle(w: string): string | null {
  if ('aeiou'.includes(w[0]!) && SUN.has(w[1]!) && w[2] === w[1] && w.length >= 5) return w.slice(2);
  for (const a of GLUED)
    if (w.startsWith(a) && w.length - a.length >= 3 && !isVowelLetter(w, a.length)) return w.slice(a.length);
  // The Maghrebi elided article before a vowel: "lazhar" is al-Azhar, "azhar" as a stripped frame.
  for (const a of ELIDED)
    if (w.startsWith(a) && w.length - a.length >= 4 && 'aeiou'.includes(w[a.length]!))
      return w.slice(a.length);
  return null;
}

/** An article written as its own word ("al", "el"), which the frames also read glued to the next word. */
export const isArticleWord = (w: string): boolean => GLUED.includes(w);

/** The vowels an assimilated article is written with ("as-Sayyid", "es-Sayed"). */
export const ARTICLE_VOWELS = table.article.assimilatedVowels;
const SUN_DIGRAPHS = table.article.sunDigraphs;
/** The sun letter (or its digraph: sh, th, dh) a word begins with, which an article before it assimilates to. */
export function sunPrefix(word: string): string | undefined {
  for (const g of SUN_DIGRAPHS) if (word.startsWith(g)) return g;
  return SUN.has(word[0]!) ? word[0] : undefined;
}

const COMPOUND_BEFORE = new Set(table.article.compoundBefore);
const COMPOUND_AFTER = new Set(table.article.compoundAfter);
/**
 * "Abd"/"Abu" before an article written apart, or an honorific's noun after it ("Nur al-Din", "Zayn al-Abidin"):
 * the three words are also one ("Abd al-Rahman", "Abdelrahman"; "Nureddin").
 */
/**
 * The article of a compound as one word spells it: each spelling of the article ("Abdulwahid", "Abdelwahid") and,
 * before a sun letter, assimilated ("ud" in "Nuruddin", "ed" in "Nureddin").
 */
export function compoundArticles(next: string): string[] {
  const sun = sunPrefix(next);
  return sun === undefined
    ? GLUED
    : [...GLUED, ...table.article.compoundAssimilatedVowels.map((v) => v + sun)];
}
export const articleCompound = (words: readonly string[], i: number): boolean =>
  i + 2 < words.length &&
  GLUED.includes(words[i + 1]!) &&
  (COMPOUND_BEFORE.has(words[i]!) || COMPOUND_AFTER.has(words[i + 2]!));

/** Frames of an article written apart and the word after it: the word's own, as stripped of an article. */
export function articlePairFrames(next: string, query: boolean): Frame[] {
  if (next.startsWith(STRIPPED)) return [];
  return arabicFrames(next, query)
    .filter((f) => !f.key.startsWith(STRIPPED))
    .map((f) => ({ key: STRIPPED + f.key, vowels: f.vowels }));
}

function dropFinal(w: string): string {
  const last = w[w.length - 1]!;
  const before = w.length - 2;
  if (DROP_AFTER_VOWEL.has(last) && isVowelLetter(w, before)) return w.slice(0, -1);
  // After a consonant letter, not after y or w: "Zeiniye" keeps its e (-iye is the ending -iyya).
  if (w.length >= 5 && DROP_AFTER_CONSONANT.has(last) && !'aeiouyw'.includes(w[before]!))
    return w.slice(0, -1);
  return w;
}

/** Consonant symbols (with the readings a query may give each) and vowel-run masks, in order. */
function parse(w: string): { items: (string[] | number)[]; consonants: number } | null {
  const items: (string[] | number)[] = [];
  let consonants = 0;
  let last = '';
  for (let i = 0; i < w.length; ) {
    if (isVowelLetter(w, i)) {
      const start = i;
      while (i < w.length && isVowelLetter(w, i)) i++;
      // A run is read by its first vowel ("ua" in Tuan is u, not a), a diphthong (ay, aw …) as either vowel;
      // but a w before a vowel is the consonant waw ("Qarawi" is not "Qarowi"), no diphthong.
      const pair = w.slice(start, start + 2);
      const diphthong = pair[1] === 'w' && i - start > 2 ? undefined : DIPHTHONGS.get(pair);
      items.push(diphthong ?? VOWEL_BITS.get(w[start]!)!);
      last = '';
      continue;
    }
    let sym = w[i]!;
    let len = 1;
    for (const [from, to] of LETTERS)
      if (w.startsWith(from, i)) {
        sym = to;
        len = from.length;
        break;
      }
    i += len;
    for (const c of sym) {
      // Doubled consonants are one letter with a shadda (Gaddafi, Hussein).
      if (c === last) continue;
      last = c;
      items.push(AMBIGUOUS.get(c) ?? [c]);
      consonants++;
    }
  }
  const runs = items.length - consonants;
  // One consonant is enough in a longer word with vowels around it: Aisha, Ayesha, Aysha.
  const enough = consonants >= MIN_CONSONANTS || (consonants === 1 && w.length >= 5 && runs >= 2);
  return enough ? { items, consonants } : null;
}

/**
 * Frames of one plain ASCII word: as indexed (`query` false: one frame, plus one without a glued article), or as
 * a query reads it (each g, k or j also read as the others, up to MAX_QUERY_FRAMES).
 */
export function arabicFrames(word: string, query: boolean): Frame[] {
  if (word.length < MIN_WORD || !/^[a-z]+$/.test(word) || NOT_ARABIC.some((e) => word.endsWith(e))) return [];
  const out: Frame[] = [];
  const bare = withoutArticle(word);
  for (const [mark, base] of bare
    ? [['', word] as const, [STRIPPED, bare] as const]
    : [['', word] as const]) {
    const p = parse(dropFinal(base));
    if (!p) continue;
    let keys: string[] = [mark];
    let vowels = 0;
    let runs = 0;
    for (const it of p.items) {
      if (typeof it === 'number') {
        if (runs === MAX_RUNS) return out;
        vowels |= it << (3 * runs++);
        keys = keys.map((k) => `${k}.`);
        continue;
      }
      const options = query ? it : it.slice(0, 1);
      const next: string[] = [];
      for (const k of keys) for (const o of options) if (next.length < MAX_QUERY_FRAMES) next.push(k + o);
      keys = next;
    }
    for (const key of keys) if (out.length < MAX_QUERY_FRAMES) out.push({ key, vowels });
  }
  return out;
}

/** Each pair of vowel runs shares a class (equal frames have as many runs). */
export function vowelsAgree(a: number, b: number): boolean {
  for (let x = a, y = b; x !== 0 || y !== 0; x >>>= 3, y >>>= 3) if ((x & 7 & (y & 7)) === 0) return false;
  return true;
}

/** Link similarity of two spellings with one frame: below a transliteration of one system (0.97–0.98). */
export function frameSimilarity(key: string): number {
  let consonants = 0;
  for (const c of key) if (c !== '.' && c !== STRIPPED) consonants++;
  return consonants >= 3 ? 0.92 : consonants === 2 ? 0.87 : 0.85;
}
