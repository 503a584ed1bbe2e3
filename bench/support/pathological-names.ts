/**
 * Party names built to be expensive to match, each at the contract's 300-character limit (openapi.yaml's
 * Party.name maxLength): long runs of scripts written without spaces, one endless Latin word, the commonest
 * words repeated, single letters, digits, and words long enough that every adjacent pair makes a glued key.
 * Deterministic for a given seed. Used by bench/worst-case.ts and test/abuse/pathological-names.test.ts.
 */
export const NAME_CHARS = 300;

/** A small multiplicative generator: the same corpus on every run and machine. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9;
    s ^= s >>> 12;
    return (s >>> 0) / 0x1_0000_0000;
  };
}

const range = (from: number, to: number) => ({ from, to });
type Range = ReturnType<typeof range>;

function run(r: () => number, ranges: Range[], n = NAME_CHARS): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    const g = ranges[Math.floor(r() * ranges.length)]!;
    out += String.fromCodePoint(g.from + Math.floor(r() * (g.to - g.from + 1)));
  }
  return out;
}

/** Words of `len` letters separated by spaces, up to NAME_CHARS. */
function words(r: () => number, len: number, ranges: Range[]): string {
  const out: string[] = [];
  while ((out.length + 1) * (len + 1) - 1 <= NAME_CHARS) out.push(run(r, ranges, len));
  return out.join(' ');
}

function repeat(word: string): string {
  const n = Math.floor((NAME_CHARS + 1) / (word.length + 1));
  return Array.from({ length: n }, () => word).join(' ');
}

const LATIN = [range(0x61, 0x7a)];
export const PATHOLOGICAL_CLASSES: Record<string, (r: () => number) => string> = {
  'hangul, unspaced': (r) => run(r, [range(0xac00, 0xd7a3)]),
  'han, unspaced': (r) => run(r, [range(0x4e00, 0x9fff)]),
  'kana, unspaced': (r) => run(r, [range(0x3041, 0x3096), range(0x30a1, 0x30fa)]),
  'thai, unspaced': (r) => run(r, [range(0x0e01, 0x0e30), range(0x0e40, 0x0e44)]),
  'khmer/lao/myanmar, unspaced': (r) =>
    run(r, [range(0x1780, 0x17b3), range(0x0e81, 0x0eae), range(0x1000, 0x102a)]),
  'arabic, unspaced': (r) => run(r, [range(0x0628, 0x063a), range(0x0641, 0x064a)]),
  'cyrillic, unspaced': (r) => run(r, [range(0x0430, 0x044f)]),
  'latin, unspaced': (r) => run(r, LATIN),
  'latin, 20-letter words': (r) => words(r, 20, LATIN),
  'latin, 8-letter words': (r) => words(r, 8, LATIN),
  'common word repeated': (r) =>
    repeat(['trading', 'international', 'limited', 'company', 'mohammad'][Math.floor(r() * 5)]!),
  'single letters': (r) => words(r, 1, LATIN),
  digits: (r) => run(r, [range(0x30, 0x39)]),
  'digits, spaced': (r) => words(r, 1, [range(0x30, 0x39)]),
};

/** `count` names of one class. */
export function pathologicalNames(cls: string, count: number, seed = 1): string[] {
  const make = PATHOLOGICAL_CLASSES[cls];
  if (!make) throw new Error(`no class ${cls}`);
  const r = rng(seed);
  return Array.from({ length: count }, () => make(r));
}
