import { countryCode } from '../../../entity/countries.ts';
import type { EntityIdentifier } from '../../../entity/list-entity.ts';
import { ofacDates } from './dates.ts';
import { classifyIdentifier, KNOWN_LABELS } from './identifier-label.ts';

/** What the free-text Remarks field of the legacy CSV carries in its "; "-separated segments. */
export interface RemarkFacts {
  identifiers: EntityIdentifier[];
  birthDates: string[];
  /** ISO alpha-2 from nationality, citizenship and registration segments. */
  countries: string[];
  /** OFAC puts its *weak* a.k.a.s in Remarks in the CSV set (strong ones are rows of alt.csv). */
  weakAliases: string[];
}

const ALIAS = /^[afn]\.k\.a\.\s+['"](.+)['"]$/i;
const DATE = /^(?:DOB|Organization Established Date)\s+(.+)$/i;
const COUNTRY = /^(?:Nationality of Registration|nationality|citizen)\s+(.+)$/i;
const CRYPTO = /^(Digital Currency Address - \S+)\s+(\S+)$/;

function identifier(segment: string): EntityIdentifier | undefined {
  const crypto = CRYPTO.exec(segment);
  if (crypto?.[1] && crypto[2]) return classifyIdentifier(crypto[1], crypto[2]);
  const lower = segment.toLowerCase();
  for (const label of KNOWN_LABELS) {
    if (!lower.startsWith(label)) continue;
    // Labels end with a dot or colon in the text ("Tax ID No. 123", "Telephone: 456") but not in the table.
    const rest = /^([.:]?)\s+(.+)$/.exec(segment.slice(label.length));
    if (!rest?.[2]) continue;
    const text = rest[2];
    const open = text.indexOf(' (');
    let value = open >= 0 ? text.slice(0, open) : text;
    value = value.replace(/\s+(issued|expires)\b.*$/i, '').trim();
    if (!value) return undefined;
    const paren = open >= 0 ? /\(([^)]*)\)/.exec(text.slice(open))?.[1] : undefined;
    const country = paren ? countryCode(paren) : undefined;
    const printed = segment.slice(0, label.length) + (rest[1] === '.' ? '.' : '');
    return classifyIdentifier(printed, value, country);
  }
  return undefined;
}

export function parseRemarks(text: string | null | undefined): RemarkFacts {
  const facts: RemarkFacts = { identifiers: [], birthDates: [], countries: [], weakAliases: [] };
  if (!text) return facts;
  for (const raw of text.trim().replace(/\.$/, '').split(/;\s+/)) {
    const segment = raw
      .trim()
      .replace(/^alt\.\s+/i, '')
      .replace(/\.$/, '');
    const alias = ALIAS.exec(segment);
    if (alias?.[1]) {
      if (!facts.weakAliases.includes(alias[1])) facts.weakAliases.push(alias[1]);
      continue;
    }
    const date = DATE.exec(segment);
    if (date?.[1]) {
      for (const d of ofacDates(date[1])) if (!facts.birthDates.includes(d)) facts.birthDates.push(d);
      continue;
    }
    const country = COUNTRY.exec(segment);
    if (country?.[1]) {
      const code = countryCode(country[1]);
      if (code && !facts.countries.includes(code)) facts.countries.push(code);
      continue;
    }
    const id = identifier(segment);
    if (id) facts.identifiers.push(id);
  }
  return facts;
}
