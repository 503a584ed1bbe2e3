import type { EntityIdentifier } from '../../../entity/list-entity.ts';
import { countryOf, identifier, labelledIds, TRAILING_COUNTRY, VALUE } from '../../labelled-identifiers.ts';
import { numberedValues } from './uk-date.ts';

/**
 * One identifier cell (or "Business Reg No" part) → identifiers. A cell without a label is one value of the
 * cell's own scheme, as before. With labels, each pair is its scheme, and a bare value before the first label
 * is the cell's scheme: "1000000000008 (Russia). Tax ID 7800000022" is a registration number and a tax id.
 */
export function cellIdentifiers(
  cell: string,
  type: string,
  label?: string,
  country?: string,
): EntityIdentifier[] {
  const out: EntityIdentifier[] = [];
  for (const item of numberedValues(cell)) {
    const found = labelledIds(item);
    if (found.length === 0) {
      const bare = /^(.*?)\s*\(([^)]{2,40})\)$/.exec(item);
      const stated = bare?.[2] ? countryOf(bare[2]) : undefined;
      const value = stated && bare?.[1] ? bare[1] : item;
      // "190000029 (China Organisation code)", "1100000000009 dated 01/01/2000": the number leads its note.
      const lead = VALUE.exec(value)?.[0] ?? '';
      const id =
        identifier(type, value, stated ?? country, label) ??
        identifier(type, lead, stated ?? country, label) ??
        ({ type, value, ...(label ? { label } : {}) } as EntityIdentifier);
      out.push(id);
      continue;
    }
    const head = item.slice(0, found[0]?.start ?? 0);
    const lead = VALUE.exec(head.trim())?.[0];
    if (lead) {
      const after = TRAILING_COUNTRY.exec(head.trim().slice(lead.length))?.[1];
      const id = identifier(type, lead, (after ? countryOf(after) : undefined) ?? country, label);
      if (id) out.push(id);
    }
    out.push(...found.map((f) => f.id));
  }
  return out;
}

/** National ID details name the scheme of the number beside them: "(1) TRN (2) INN", "Russian Tax ID". */
export function schemeOfDetails(details: string): { type: string; country?: string; label?: string } {
  const country = /\bRussia(n)?\b/i.test(details) ? 'RU' : undefined;
  if (/\bINN\b/.test(details)) return { type: 'inn', country: 'RU' };
  if (/\b(TIN|TRN)\b|\btax(payer)?\b/i.test(details))
    return { type: 'tax_id', label: details, ...(country ? { country } : {}) };
  return { type: 'national_id' };
}
