/**
 * Lists join two names of one body with a slash: "Al-Qa'ida/Islamic Army" (the UN's and the EU's style for a
 * group known by several names). Read whole, each name is only half the string, so "Al Qaeda" met half a name and
 * stayed below review (the peer suite of opensanctions/nomenklatura). Each part is also indexed as a name of the
 * entry, beside the whole. Only where every slash stands between words of two letters or more and every part holds
 * a word of four letters or more: "A/S", "S/A", "c/o", "Ltd/LLC", "24/7" and dates are not names joined. Not in a
 * person's name, nor where one word follows a longer part: there the slash gives another spelling of a word
 * ("Андрей Владимирович ФЕДОРОВ/ФЁДОРОВ", EU), and the word alone would be a bare surname (a variants-set alert).
 */
const LONG_WORD = /\p{L}{4}/u;
const JOIN = /(?<=\p{L}\p{L})\s*\/\s*(?=\p{L}\p{L})/gu;

export function slashParts(name: string, person: boolean): string[] {
  if (person || !name.includes('/')) return [];
  if (name.match(JOIN)?.length !== name.split('/').length - 1) return [];
  const parts = name
    .split(JOIN)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const words = parts.map((p) => p.split(/\s+/u).length);
  if (words.some((n, i) => n === 1 && words.slice(0, i).some((m) => m > 1))) return [];
  return parts.length >= 2 && parts.every((p) => LONG_WORD.test(p.replace(/['’\-.]/gu, ''))) ? parts : [];
}
