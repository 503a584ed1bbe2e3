import table from './data/translit/hangul.json' with { type: 'json' };

/**
 * Hangul syllable blocks are arithmetic (Unicode ch. 3.12): S − 0xAC00 = (L·21 + V)·28 + T, so one block is read
 * as initial + vowel + final from the tables in data/translit/hangul.json. any-ascii transliterates jamo by jamo
 * ("박" → "bag", "룡" → "lyong"), which meets neither the lists' spelling nor a typist's.
 *
 * The first reading is the DPRK system, which is how UN, OFAC, EU and UK lists spell North Korean names ("Choe
 * Ryong Hae", "Jang Song Thaek", "Pak Pong Ju"); McCune–Reischauer and Revised Romanization are extra readings
 * for the query side ("Jeong Seong-ho", "Chong Song-ho"). Surname variants (Choi/Choe, Lee/Ri, Park/Pak) are
 * folded by the skeleton (korean-surnames.csv), not here.
 */
const BASE = 0xac00;
const LAST = 0xd7a3;
type System = 'dprk' | 'mr' | 'rr';
const SH_BEFORE = new Set(table.mrShBefore);

function syllable(code: number, sys: System): string {
  const s = code - BASE;
  const l = Math.floor(s / 588);
  const v = Math.floor((s % 588) / 28);
  const t = s % 28;
  let init = table.initials[sys][l]!;
  const vowel = table.vowels[sys][v]!;
  // McCune–Reischauer writes ㅅ before i and y-vowels as "sh" ("Shin", "Shi"), as do most South Korean passports.
  if (sys !== 'rr' && init === 's' && SH_BEFORE.has(vowel)) init = 'sh';
  return init + vowel + table.finals.all[t]!;
}

export const isHangulSyllable = (c: number) => c >= BASE && c <= LAST;

const HANGUL_RUN = /[\uac00-\ud7a3]+/g;

function romaniseAs(text: string, sys: System): string {
  return text.replace(HANGUL_RUN, (run) => {
    let out = '';
    for (let i = 0; i < run.length; i++) out += syllable(run.charCodeAt(i), sys);
    return out;
  });
}

/** Southern spellings of surnames whose DPRK spelling keeps an initial r/n (hangul.json initialSoundLaw). */
const NORTHERN_SURNAME = new Map<string, string>(Object.entries(table.initialSoundLaw.surnames));
const HANGUL_NAME = /^[\uac00-\ud7a3]{3,4}$/;

/**
 * A Hangul name of 3 or 4 syllables starts with its surname: a southern surname is written its northern way (이
 * as 리, read Ri), as the lists spell North Korean names, and the skeleton folds Ri/Lee/Yi (korean-surnames.json).
 * Called on an unspaced run before it is split into syllables (segment.ts), while the run is still one name.
 */
export function northernSurname(run: string): string {
  if (!HANGUL_NAME.test(run)) return run;
  const north = NORTHERN_SURNAME.get(run[0]!);
  return north === undefined ? run : north + run.slice(1);
}

/** Hangul syllables in `text` read in the DPRK system; other characters unchanged. */
export function romaniseHangul(text: string): string {
  return romaniseAs(text, 'dprk');
}

/** The McCune–Reischauer and Revised Romanization readings of `text` (may equal the first one). */
export function hangulReadings(text: string): string[] {
  return [romaniseAs(text, 'mr'), romaniseAs(text, 'rr')];
}
