import { createHash } from 'node:crypto';
import { countryCode } from '../../../entity/countries.ts';
import type { EntityAddress, ListEntity } from '../../../entity/list-entity.ts';
import type { DplRow } from './parse.ts';

export const SOURCE_ID = 'us-bis-dpl';
export const PAGE_URL =
  'https://www.bis.gov/licensing/guidance-on-end-user-and-end-use-controls-and-us-person-controls/denied-persons-list';

/** "87 F.R. 52741 8/29/2022, 88 F.R. …" → "87 FR 52741"; BIS writes the first citation as "81.F.R." or "80 F.R" too. */
export function firstCitation(frCitation: string): string {
  const m = /(\d+)\s*\.?\s*F\.?\s*R\.?\s*(\d+)/i.exec(frCitation);
  return m ? `${m[1]} FR ${m[2]}` : frCitation.trim().toUpperCase();
}

/**
 * The DPL has no id column, and one order is printed as one row per address. The key is the name plus the FIRST
 * Federal Register citation — the order that put the person on the list. Effective date and the full citation
 * string change at every renewal of a temporary denial order (new notices are appended), so hashing them, as a
 * first idea, would turn each renewal into a delisting plus a new listing. In the November 2023 file this key
 * gives 547 distinct orders over 665 rows, each order's rows adjacent.
 */
export function dplKey(row: DplRow): string {
  return `${row.name.replace(/\s+/g, ' ').toUpperCase()}|${firstCitation(row.frCitation)}`;
}

export function dplEntryId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** MM/DD/YYYY (US order, unlike the day-first helpers) → YYYY-MM-DD. */
export function usDate(text: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[3]}-${m[1]?.padStart(2, '0')}-${m[2]?.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

/** One order's rows (one per address) → entity. */
export function mapDplOrder(rows: DplRow[], entryId: string): ListEntity | { skip: string } {
  const first = rows[0];
  if (!first) return { skip: 'empty order' };
  if (!first.name) return { skip: `row ${first.row}: no name` };
  const entity: ListEntity = {
    source: SOURCE_ID,
    entryId,
    // The DPL does not say whether a party is a person or a company.
    kind: 'unknown',
    name: first.name,
    aliases: [],
    countries: [],
    identifiers: [],
    addresses: [],
    birthDates: [],
    programs: ['Denied Persons List (DPL) - Bureau of Industry and Security'],
    url: PAGE_URL,
    // Row numbers locate rows in this one file, not the entry: stored, every entry below an inserted row
    // would show as "changed" in the next diff.
    raw: rows.map(({ row: _row, ...cells }) => cells),
  };
  for (const row of rows) {
    const country = row.country ? countryCode(row.country) : undefined;
    const full = [row.streetAddress, row.city, row.state, row.postalCode, row.country]
      .filter(Boolean)
      .join(', ');
    if (full && !entity.addresses.some((a) => a.full === full)) {
      const address: EntityAddress = { full };
      if (row.city) address.city = row.city;
      if (country) address.country = country;
      entity.addresses.push(address);
    }
    if (country && !entity.countries.includes(country)) entity.countries.push(country);
  }
  const listedOn = usDate(first.effectiveDate);
  if (listedOn) entity.listedOn = listedOn;
  const remarks = [first.action, first.frCitation, first.expirationDate && `Expires ${first.expirationDate}`];
  entity.remarks = remarks.filter(Boolean).join('; ');
  return entity;
}
