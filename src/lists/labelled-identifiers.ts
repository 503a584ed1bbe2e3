import { countryCode } from '../entity/countries.ts';
import type { EntityIdentifier } from '../entity/list-entity.ts';
import { countryOfDemonym } from './demonyms.ts';
import { hasShape, ID_LABELS, type IdLabel } from './identifier-labels.ts';

/*
 * Identifiers that lists state as "label value" inside text: "OGRN: 1000000000011", "SWIFT/BIC: ABCDKPPY",
 * "(1) Russia TIN- 7709990008". The UK lists hold most of them; UN comments a few. The labels are data
 * (identifier-labels.ts); this file only finds a label and reads the value after it.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const BY_LABEL = new Map(ID_LABELS.map((l) => [l.label, l]));
const labelPattern = (labels: readonly IdLabel[]) =>
  new RegExp(`(?<![\\p{L}\\d])(${labels.map((l) => escapeRegExp(l.label)).join('|')})(?![\\p{L}\\d])`, 'giu');
const ANY_LABEL = labelPattern(ID_LABELS);
const TEXT_LABEL = labelPattern(ID_LABELS.filter((l) => l.inText));

/**
 * What may sit between a label and its value: "(TIN)" or "(State registration number)", "number"/"No."/"№", and ":", "-", "–" in any spacing
 * ("TIN  6100000024", "Russia TIN- 3500000019", "Tax ID No.: 7800000018", "OGRNIP:\u202f3247…").
 */
const BETWEEN = /(?:\s*\([A-Za-z ]{2,40}\))?(?:\s*(?:number|no\.?|№))?[\s:.\u2013\u2014-]*/iy;
/** Values are upper case: "Tax ID: 7700000026e" (a typo in the file) stops at the lower-case letter. */
export const VALUE = /^[A-Z0-9][A-Z0-9/-]*/;
export const TRAILING_COUNTRY = /^\s*\(([^)]{2,40})\)/;

export const countryOf = (text: string) => {
  const t = text.replace(/^[\s(),.;:\u2013-]+|[\s(),.;:\u2013-]+$/g, '');
  return t ? (countryCode(t) ?? countryOfDemonym(t)) : undefined;
};

/** One identifier, with the Russian refinements OFAC's files need too: a Russian "TIN" of 10 or 12 digits is an INN. */
export function identifier(
  type: string,
  value: string,
  country?: string,
  label?: string,
): EntityIdentifier | undefined {
  let t = type;
  if (country === 'RU' && t === 'tax_id' && hasShape('inn', value)) t = 'inn';
  if (country === 'RU' && t === 'registration' && hasShape('ogrn', value)) t = 'ogrn';
  // A labelled number of the wrong length is still that register's number, just not checkable.
  if (!hasShape(t, value)) t = t === 'ogrn' ? 'registration' : t === 'inn' ? 'tax_id' : t;
  if (!hasShape(t, value)) return undefined;
  const id: EntityIdentifier = { type: t, value };
  if (country) id.country = country;
  if (label && (t === 'registration' || t === 'tax_id' || t === 'other' || t === 'national_id'))
    id.label = label;
  return id;
}

export interface Found {
  id: EntityIdentifier;
  start: number;
}

/** Every "label value" pair in `text`; a country name just before the label or in brackets after the value is kept. */
export function labelledIds(text: string, pattern: RegExp = ANY_LABEL): Found[] {
  const found: Found[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(pattern)) {
    const spec = BY_LABEL.get((m[1] ?? '').toLowerCase());
    const at = m.index ?? 0;
    if (!spec || at < previousEnd) continue;
    BETWEEN.lastIndex = at + m[0].length;
    const rest = text.slice(at + m[0].length + (BETWEEN.exec(text)?.[0].length ?? 0));
    const value = VALUE.exec(rest)?.[0].replace(/[/-]+$/, '');
    if (!value) continue;
    const trailing = TRAILING_COUNTRY.exec(rest.slice(value.length));
    const after = trailing?.[1] ? countryOf(trailing[1]) : undefined;
    const country = spec.country ?? after ?? countryOf(text.slice(previousEnd, at));
    const id = identifier(spec.type, value, country, spec.keepLabel ? m[1] : undefined);
    if (!id) continue;
    found.push({ id, start: at });
    // A "(Russia)" after this value belongs to it, not to the next label.
    previousEnd = text.length - rest.length + value.length + (after ? (trailing?.[0].length ?? 0) : 0);
  }
  return found;
}

/** Every labelled pair in an identifier cell's note, without bare numbers: "TIN 0400000020 OGRN 1000000000012". */
export function labelledIdentifiers(text: string): EntityIdentifier[] {
  return labelledIds(text, ANY_LABEL).map((f) => f.id);
}

/** Free text about the entry itself: only the trusted labels, never a bare number. */
export function textIdentifiers(text: string): EntityIdentifier[] {
  return labelledIds(text, TEXT_LABEL).map((f) => f.id);
}
