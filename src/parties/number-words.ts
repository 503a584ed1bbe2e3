import { readTable } from './data-table.ts';

/**
 * Number words and ordinals (data/number-words.csv) read as digits, so "Unit Twenty-Nine One Fifty-Five",
 * "Unit 29 155" and "Unit 29155" are one name, as are "First" and "1st". A run of number words is parsed
 * into groups the way a speaker says them ("twenty nine" = 29, "one fifty five" = 1 55), and adjacent groups
 * and digit tokens are written as one number, which is how military units, vessels and call signs are read
 * out. Words are looked up as written but for the y/j/i of a romanised soft vowel ("pyat", "piat", "pjat"):
 * the full skeleton would fold English words onto Russian numbers ("try" onto "tri").
 */
type Kind = 'unit' | 'teen' | 'tens' | 'hundred' | 'hundreds' | 'thousand';
interface NumberWord {
  value: number;
  kind: Kind;
}

const key = (w: string) => w.replace(/[yji](?=[aeou])/g, 'i');

const KINDS = new Set<string>(['unit', 'teen', 'tens', 'hundred', 'hundreds', 'thousand']);

function load(): { single: Map<string, NumberWord>; pairs: Map<string, NumberWord> } {
  const single = new Map<string, NumberWord>();
  const pairs = new Map<string, NumberWord>();
  for (const row of readTable('number-words.csv')) {
    const kind = row.kind ?? '';
    const value = Number(row.value);
    if (!KINDS.has(kind) || !Number.isInteger(value))
      throw new Error(`number-words.csv: bad row ${row.word}`);
    const words = (row.word ?? '').split(' ');
    const k = words.map(key).join(' ');
    const into = words.length === 2 ? pairs : single;
    const had = into.get(k);
    // Two words of different value under one key would make the table ambiguous.
    if (had && had.value !== value) throw new Error(`number-words.csv: ${row.word} collides`);
    into.set(k, { value, kind: kind as Kind });
  }
  return { single, pairs };
}

const { single: SINGLE, pairs: PAIRS } = load();
/** Words between two number words that belong to the number: "thirty and one", "treinta y uno". */
const CONNECTORS = new Set(['and', 'und', 'et', 'y', 'i']);
/** "1st", "2nd", "3e", "1er", "2-oy" (split off by the tokenizer), "4o": the digits are the number. */
const DIGIT_ORDINAL = /^(\d+)(?:st|nd|rd|th|er|re|e|eme|ieme|o|a|te|ter|ten|iy|yy|y|oy|ya|ye)$/;

/** Whether `w` (of kind `k`) continues a group whose last word was of kind `last` and whose value is `cur`. */
function joins(k: Kind, last: Kind, cur: number): boolean {
  switch (k) {
    case 'unit':
      return (
        last === 'tens' ||
        last === 'hundred' ||
        last === 'hundreds' ||
        last === 'thousand' ||
        (last === 'teen' && cur % 10 === 0)
      );
    case 'teen':
      return (
        last === 'hundred' ||
        last === 'hundreds' ||
        last === 'thousand' ||
        (last === 'tens' && cur % 20 === 0)
      );
    case 'tens':
      return last === 'hundred' || last === 'hundreds' || last === 'thousand';
    case 'hundred':
      return last === 'unit';
    case 'hundreds':
      return last === 'thousand';
    case 'thousand':
      return last !== 'thousand';
  }
}

/**
 * Digits only, for person names: number words there are names ("Dos Santos", "Sem"), but a birth date or
 * number written into a listed name ("31.12.1979") must read the same as in the organisation reading.
 */
export function joinDigits(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const prev = out.length - 1;
    if (prev >= 0 && /^\d+$/.test(w) && /^\d+$/.test(out[prev]!)) out[prev] += w;
    else out.push(w);
  }
  return out;
}

/** Replaces number words and ordinals by digits and joins adjacent numbers into one token. */
export function normaliseNumbers(words: readonly string[]): string[] {
  const out: string[] = [];
  let digits = ''; // the number being written, across groups
  let total = 0;
  let cur = 0;
  let last: Kind | null = null;
  const closeGroup = () => {
    if (last !== null) digits += String(total + cur);
    total = 0;
    cur = 0;
    last = null;
  };
  const flush = () => {
    closeGroup();
    if (digits) out.push(digits);
    digits = '';
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let nw: NumberWord | undefined;
    if (i + 1 < words.length) {
      nw = PAIRS.get(`${key(w)} ${key(words[i + 1]!)}`);
      if (nw) i++;
    }
    nw ??= /^\d/.test(w) ? undefined : SINGLE.get(key(w));
    if (nw) {
      if (last === null || !joins(nw.kind, last, cur)) closeGroup();
      if (nw.kind === 'hundred') cur = (last === 'unit' ? cur : 1) * 100;
      else if (nw.kind === 'thousand') {
        total += (last === null ? 1 : cur) * 1000;
        cur = 0;
      } else cur += nw.value;
      last = nw.kind;
      continue;
    }
    const d = /^\d+$/.test(w) ? w : DIGIT_ORDINAL.exec(w)?.[1];
    // A unit in digits after a tens word is that group's unit, as with "forty four": "Forty 4" is 44, not 404.
    if (d !== undefined && last === 'tens' && /^[1-9]$/.test(d)) {
      cur += Number(d);
      last = 'unit';
      continue;
    }
    if (d !== undefined) {
      closeGroup();
      digits += d;
      continue;
    }
    // A connector inside a number ("thirty and one") is part of it; anywhere else it is a word.
    const next = words[i + 1];
    if (CONNECTORS.has(w) && (last !== null || digits) && next !== undefined && SINGLE.has(key(next)))
      continue;
    flush();
    out.push(w);
  }
  flush();
  return out;
}
