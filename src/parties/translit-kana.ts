import table from './data/translit/kana.json' with { type: 'json' };

/**
 * Kana in modified Hepburn (data/translit/kana.json): any-ascii's kana readings are Hepburn-like but not
 * Hepburn (small tsu, "ヴ", digraphs like "ティ", the prolonged-sound mark).
 * Kanji cannot be read without a dictionary of names (安倍 is "Abe", not any-ascii's Mandarin "an bei"); they keep
 * any-ascii's reading, which still lets a kanji name meet its own kanji form.
 */
const SYL: Record<string, string> = table.syllables;
const KATAKANA = /[\u30a1-\u30f6]/g;
const KANA_RUN = /[\u3041-\u3096\u30a1-\u30fa\u30fc]+/g;

const toHiragana = (s: string) => s.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

function hepburn(run: string, foldLong: boolean): string {
  const s = toHiragana(run);
  let out = '';
  let geminate = false;
  for (let i = 0; i < s.length; ) {
    const two = SYL[s.slice(i, i + 2)];
    const one = two === undefined ? SYL[s[i]!] : undefined;
    const c = s[i]!;
    i += two === undefined ? 1 : 2;
    if (c === table.sokuon) {
      geminate = true;
      continue;
    }
    // The prolonged-sound mark lengthens the vowel before it; without macrons that is nothing.
    if (c === table.prolonged) continue;
    let r = two ?? one ?? '';
    // Small tsu doubles the next consonant ("Hokkaido"); "ch" doubles as "tch" in Hepburn.
    if (geminate && r.length > 0) r = (r.startsWith('ch') ? 't' : r[0]) + r;
    geminate = false;
    out += r;
  }
  if (foldLong)
    for (const [long, short] of Object.entries(table.longVowels)) out = out.replaceAll(long, short);
  return out;
}

/**
 * Kana runs in `text` read in Hepburn; other characters unchanged. "おう" is a long o ("Shinzo") or two vowels
 * ("Inoue"), which only a dictionary tells apart: the first reading keeps the letters, `foldLong` writes long
 * vowels short (an extra reading on the query side).
 */
export function romaniseKana(text: string, foldLong = false): string {
  return text.replace(KANA_RUN, (run) => hepburn(run, foldLong));
}

export const HAS_KANA = /[\u3041-\u3096\u30a1-\u30fa]/;
