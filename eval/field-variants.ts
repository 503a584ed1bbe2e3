import { chance, pick, type Rng } from './rng.ts';
import type { Variant } from './variants.ts';

/**
 * Variant kinds a peer project lists for its own name-scoring benchmark, applied to real list names: the
 * heuristics of `opensanctions/nomenklatura`, `contrib/name_benchmark/README.md` (commit 90fa696, read on
 * 2026-12-07; ideas only, no code and none of its cases). Those the generated set (variants.ts) already makes —
 * typos, truncation, token order, legal forms, glued words — are left to it. Each returns null when its change
 * does not apply to the name.
 */
const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);
const VOWELS = 'aeiou';
const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** "Replace spaces with some special character": "IVAN_PETROV", "Ivan.Petrov". */
const spacesAsPunctuation: Variant = (r, name) => {
  const ws = words(name);
  return ws.length < 2 ? null : ws.join(pick(r, ['_', '.', '-', '/', '+']));
};

/** "Remove special characters": "AL-QAIDA" → "ALQAIDA", "S.T.K." → "STK", "O'BRIEN" → "OBRIEN". */
const noPunctuation: Variant = (_r, name) => {
  const out = name.replace(/[^\p{L}\p{N}\s,]/gu, '');
  return out === name ? null : out;
};

/** One letter of a word of four letters or more, at a position after the first, changed by `edit`. */
function editOneWord(
  r: Rng,
  name: string,
  ok: (w: string, i: number) => boolean,
  edit: (w: string, i: number) => string,
) {
  const ws = words(name);
  const spots: [number, number][] = [];
  ws.forEach((w, wi) => {
    if (w.length < 4 || !/^[A-Za-z]+$/.test(w)) return;
    for (let i = 1; i < w.length; i++) if (ok(w.toLowerCase(), i)) spots.push([wi, i]);
  });
  if (spots.length === 0) return null;
  const [wi, i] = pick(r, spots);
  ws[wi] = edit(ws[wi]!, i);
  return ws.join(' ');
}

/** "Replace double letter with single letter": "HASSAN" → "HASAN". */
const doubleToSingle: Variant = (r, name) =>
  editOneWord(
    r,
    name,
    (w, i) => w[i] === w[i - 1],
    (w, i) => w.slice(0, i) + w.slice(i + 1),
  );

/** "Duplicate random character": "PETROV" → "PETTROV". */
const duplicateLetter: Variant = (r, name) =>
  editOneWord(
    r,
    name,
    () => true,
    (w, i) => w.slice(0, i + 1) + w.slice(i),
  );

const swapFrom = (r: Rng, set: string) => (w: string, i: number) => {
  const lower = w[i]!.toLowerCase();
  const c = pick(
    r,
    [...set].filter((x) => x !== lower),
  );
  return w.slice(0, i) + (w[i] === lower ? c : c.toUpperCase()) + w.slice(i + 1);
};

/** "Replace random vowel" (not the first letter): "PETROV" → "PETRAV". */
const vowelSwap: Variant = (r, name) =>
  editOneWord(r, name, (w, i) => VOWELS.includes(w[i]!) && w.length >= 5, swapFrom(r, VOWELS));

/** "Replace random consonant" (not the first letter), in words of five letters or more. */
const consonantSwap: Variant = (r, name) =>
  editOneWord(r, name, (w, i) => CONSONANTS.includes(w[i]!) && w.length >= 5, swapFrom(r, CONSONANTS));

/** "Insert random letter at random position", in words of five letters or more. */
const insertLetter: Variant = (r, name) =>
  editOneWord(
    r,
    name,
    (w) => w.length >= 5,
    (w, i) => w.slice(0, i) + pick(r, [...LETTERS]) + w.slice(i),
  );

/** "Remove all spaces": "IVANPETROV" (names of two to four words). */
const noSpaces: Variant = (_r, name) => {
  const ws = words(name);
  return ws.length < 2 || ws.length > 4 ? null : ws.join('');
};

const PATRONYMIC = /(?:вич|вна|ична|vich|vna|ichna)$/i;

/** A person's surname and given names: "PETROV, Ivan Ivanovich" or "Ivan Ivanovich PETROV". */
function personParts(name: string): { surname: string; given: string[] } | null {
  if (name.includes(',')) {
    const [s, g] = name.split(',', 2) as [string, string];
    const given = words(g);
    return given.length ? { surname: s.trim(), given } : null;
  }
  const ws = words(name);
  if (ws.length < 2) return null;
  // A name that ends in a patronymic is written in the Russian order, surname first ("Иванов Иван Николаевич");
  // taken last, the patronymic became the surname ("Николаевич И.И."), which no one types.
  if (PATRONYMIC.test(ws.at(-1)!)) return ws.length < 3 ? null : { surname: ws[0]!, given: ws.slice(1) };
  // The EU and UN write the surname in capitals after given names in small letters: "José Miguel DOMÍNGUEZ
  // RAMÍREZ" has two surnames, and the last word alone ("José RAMÍREZ") is the mother's, which few would type.
  const caps = (w: string) => /\p{Lu}{2}/u.test(w) && !/\p{Ll}/u.test(w);
  let k = ws.length;
  while (k > 1 && caps(ws[k - 1]!)) k--;
  if (k < ws.length - 1 && ws.slice(0, k).some((w) => /\p{Ll}/u.test(w)))
    return { surname: ws.slice(k).join(' '), given: ws.slice(0, k) };
  return { surname: ws.at(-1)!, given: ws.slice(0, -1) };
}

/** "Initials of first names and full last names": "I. I. PETROV". */
const initials: Variant = (r, name, person) => {
  const p = person ? personParts(name) : null;
  if (!p) return null;
  // The first letter, not a mark before it: "'Abdu" is "A.", not "'." (an ayn written as an apostrophe).
  const init = p.given.map((g) => `${(g.match(/\p{L}/u)?.[0] ?? g[0]!).toUpperCase()}.`);
  return chance(r, 0.5) ? `${init.join(' ')} ${p.surname}` : `${p.surname} ${init.join('')}`;
};

/** "First name, last name, no middle name(s)": "Ivan PETROV" for "PETROV, Ivan Ivanovich". */
const firstLast: Variant = (_r, name, person) => {
  const p = person ? personParts(name) : null;
  return p && p.given.length >= 2 ? `${p.given[0]} ${p.surname}` : null;
};

/** "Add a leading title". */
const leadingTitle: Variant = (r, name, person) =>
  person
    ? `${pick(r, ['Mr', 'Mr.', 'Mrs', 'Dr.', 'Prof.', 'General', 'Colonel', 'Sheikh', 'Haji'])} ${name}`
    : null;

/** "Append 's". */
const possessive: Variant = (_r, name, person) => (person ? null : `${name.replace(/[\s.,]+$/, '')}'s`);

/** "Add leading three alphanumeric characters": a reference code before the name, "X7B IVAN PETROV". */
const leadingCode: Variant = (r, name) => {
  const alnum = `${LETTERS}0123456789`.toUpperCase();
  return `${pick(r, [...alnum])}${pick(r, [...alnum])}${pick(r, [...alnum])} ${name}`;
};

export const FIELD_VARIANTS: Record<string, Variant> = {
  'spaces-as-punctuation': spacesAsPunctuation,
  'no-punctuation': noPunctuation,
  'double-to-single': doubleToSingle,
  'duplicate-letter': duplicateLetter,
  'vowel-swap': vowelSwap,
  'consonant-swap': consonantSwap,
  'insert-letter': insertLetter,
  'no-spaces': noSpaces,
  initials,
  'first-last': firstLast,
  'leading-title': leadingTitle,
  possessive,
  'leading-code': leadingCode,
};
