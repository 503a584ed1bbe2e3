import type { Rng } from './rng.ts';
import { chance, pick } from './rng.ts';

/**
 * Spelling variants an officer meets in practice: Latin → Cyrillic (as a Russian/Serbian registry would
 * write it), and Latin → another romanisation (ISO 9, passport, German/French styles).
 */
const TO_CYR: [string, string][] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['zh', 'ж'],
  ['ya', 'я'],
  ['yu', 'ю'],
  ['yo', 'ё'],
  ['ye', 'е'],
  ['ia', 'я'],
  ['iy', 'ий'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'к'],
  ['w', 'в'],
  ['x', 'кс'],
  ['q', 'к'],
  ['j', 'й'],
  ['y', 'ы'],
];

export function latinToCyrillic(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  let i = 0;
  while (i < lower.length) {
    const rule = TO_CYR.find(([lat]) => lower.startsWith(lat, i));
    if (rule) {
      // "y" after a vowel is й (Dmitriy), elsewhere ы.
      out += rule[0] === 'y' && /[aeiou]/.test(lower[i - 1] ?? '') ? 'й' : rule[1];
      i += rule[0].length;
    } else {
      out += lower[i];
      i++;
    }
  }
  return out.toUpperCase();
}

const RESPELL: [RegExp, string[]][] = [
  [/ya/g, ['ia', 'ja', 'a']],
  [/yu/g, ['iu', 'ju']],
  [/kh/g, ['h', 'ch']],
  [/ts/g, ['c', 'tz']],
  [/shch/g, ['sch', 'shh', 'sc']],
  [/zh/g, ['z', 'j']],
  [/iy\b/g, ['i', 'y', 'ij']],
  [/ye/g, ['e', 'ie', 'je']],
  [/y/g, ['i', 'j']],
  [/x/g, ['ks']],
  [/ks/g, ['x']],
  [/v\b/g, ['w', 'ff']],
];

export function respell(r: Rng, s: string): string {
  let out = s.toLowerCase();
  let changed = false;
  for (const [re, alts] of RESPELL) {
    re.lastIndex = 0;
    if (re.test(out) && chance(r, 0.7)) {
      out = out.replace(re, () => pick(r, alts));
      changed = true;
    }
  }
  return changed ? out.toUpperCase() : s;
}
