import { countryCode } from '../entity/countries.ts';
import { readTable } from './data-table.ts';
import { toAscii } from './translit.ts';

/**
 * A country in brackets inside an organisation's name is where it sits, not what it is called: "Deutsche Bank
 * (Schweiz) AG" is the Swiss arm of "Deutsche Bank AG" (the peer suite of opensanctions/nomenklatura wants them
 * to meet). A seat written after the legal form is already weighed lightly (tokenize.ts TAIL), so the bracket is
 * moved there: "Deutsche Bank AG Schweiz". Only one bracket, only a country's name (English in
 * src/entity/countries.ts; its own language in data/country-endonyms.csv), and only when words follow it; any
 * other bracket ("Bank (Melli)", "(Pvt)") is left as written.
 */
const ENDONYMS = new Set(readTable('country-endonyms.csv').map((r) => fold(r.name!)));
const ONE_BRACKET = /^([^()]*\S)\s*\(\s*([^()]+?)\s*\)\s*([^()]*\S[^()]*)$/u;

function fold(s: string): string {
  return toAscii(s)
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

export function bracketSeatLast(raw: string): string {
  if (!raw.includes('(')) return raw;
  const m = ONE_BRACKET.exec(raw);
  if (!m) return raw;
  const seat = m[2]!;
  if (!ENDONYMS.has(fold(seat)) && countryCode(seat) === undefined) return raw;
  return `${m[1]} ${m[3]} ${seat}`;
}
