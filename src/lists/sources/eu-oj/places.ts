import { countryCode } from '../../../entity/countries.ts';
import type { EntityAddress } from '../../../entity/list-entity.ts';
import { countryOfDemonym } from '../../demonyms.ts';
import { splitCellValues } from './parse.ts';

/**
 * Countries named in a printed nationality/country cell: "(a) Algerian (b) German", "Ukrainian, Russian",
 * "Myanmar/Burma", "Italian since 1990", "allegedly Russian". The Journal enumerates alternatives in prose, so
 * the cell is cut at list markers and separators and each piece is looked up on its own.
 */
function lookup(text: string): string | undefined {
  return countryCode(text) ?? countryOfDemonym(text);
}

export function countriesIn(cell: string): string[] {
  const found: string[] = [];
  for (const value of splitCellValues(cell)) {
    const whole = lookup(value.replace(/[.]$/, ''));
    if (whole) {
      if (!found.includes(whole)) found.push(whole);
      continue;
    }
    const pieces = value.split(/\(?\b[a-z]\)|,|\band\b|\bor\b/i);
    for (const piece of pieces) {
      const cleaned = piece
        .replace(/\(.*?\)/g, ' ')
        .replace(/\b(allegedly|assumed|possibly|since \d{4}|by birth|of the|formerly)\b/gi, ' ')
        .replace(/[.]$/, '')
        .trim();
      const code = cleaned ? (lookup(cleaned) ?? lookup(cleaned.split('/')[0] ?? '')) : undefined;
      if (code && !found.includes(code)) found.push(code);
    }
  }
  return found;
}

/** Addresses are printed "street, city postcode, Country"; the last comma-separated part names the country. */
export function addressesIn(cell: string): EntityAddress[] {
  return splitCellValues(cell).map((full) => {
    const parts = full
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const country = countryCode(parts.at(-1)?.replace(/[.]$/, '') ?? '');
    return country ? { full, country } : { full };
  });
}
