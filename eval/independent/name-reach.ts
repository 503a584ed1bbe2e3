import { words } from './cases.ts';

/**
 * Whether a query name could be found by its name at all: it shares a word with one of the target's names on
 * a loose reading. Written for the benchmark, independent of the engine's normaliser, and deliberately loose,
 * so that only a case sharing nothing a reader would call the same name is set apart ("NS CREATION" /
 * "KRASNOYARSK", a ship renamed: its IMO number is the only link). Two words are alike when they are equal,
 * or (four letters or more) begin with the same four letters or are one letter apart ("sokhra"/"sohra"), or
 * their consonants are the same after a light fold ("sayed"/"sayyid", "technopromexport"/"tekhnopromeksport");
 * a word of four letters or more found inside the other name written without spaces also counts
 * ("Kang Gye"/"KANGGYE"). A target with a name in another script is not judged (reachable): the benchmark does
 * not romanise, the engine does.
 */
export function reachableByName(query: string, targetNames: readonly string[]): boolean {
  const latinOnly = (n: string) => !/[^\p{Script=Latin}\P{L}]/u.test(n);
  if (!latinOnly(query) || !targetNames.every(latinOnly)) return true;
  const q = significant(query);
  return targetNames.some((n) => shareAWord(q, significant(n)));
}

/** One-letter words (initials, "a") say nothing about the name. */
const significant = (name: string): string[] => words(name).filter((w) => w.length >= 2);

/** Consonants after folding spellings of one sound (c/k, x/ks, ph/f, w/v), vowels and h/y/w dropped. */
const consonants = (w: string): string =>
  w
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/c/g, 'k')
    .replace(/w/g, 'v')
    .replace(/[aeiouyh]/g, '')
    .replace(/(.)\1+/g, '$1');

function alike(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4) {
    const [ca, cb] = [consonants(a), consonants(b)];
    return ca.length >= 2 && ca === cb;
  }
  return a.slice(0, 4) === b.slice(0, 4) || withinOneEdit(a, b) || consonants(a) === consonants(b);
}

/** One letter added, dropped or changed. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function shareAWord(q: readonly string[], t: readonly string[]): boolean {
  if (q.some((a) => t.some((b) => alike(a, b)))) return true;
  const [gq, gt] = [q.join(''), t.join('')];
  return q.some((a) => a.length >= 4 && gt.includes(a)) || t.some((b) => b.length >= 4 && gq.includes(b));
}
