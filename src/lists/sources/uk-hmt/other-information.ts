import type { EntityIdentifier } from '../../../entity/list-entity.ts';
import { labelledIdentifiers, textIdentifiers } from '../../labelled-identifiers.ts';
import { cellIdentifiers, schemeOfDetails } from './stated-ids.ts';
import { numberedValues } from './uk-date.ts';

/**
 * ConList "Other Information" is a run of "(Label):value" parts, e.g.
 *   (UK Sanctions List Ref):RUS9041. OGRN 1000000000011 (UK Statement of Reasons):… (Website):https://… (Business Reg No):Tax Identification Number: INN 7700000025
 * and a ship's: (UK Sanctions List Ref):DPR9043. … (IMO number):8600042 (Current owners):… (Flag of ship):North Korea
 * The ConList has no identifier columns for firms or ships, so these parts are where their numbers are.
 */
const PART = /\(([A-Z][A-Za-z' /-]{1,40})\):/g;

/** Parts whose value is an identifier cell, and the scheme of a bare value there. */
const ID_PARTS: Record<string, { type: string; label?: string }> = {
  'Business Reg No': { type: 'registration', label: 'Business Reg No' },
  'IMO number': { type: 'imo' },
};

/**
 * Parts whose free text describes the entry itself. The statement of reasons, "Parent company", "Subsidiaries"
 * and "Current owners" name other firms, often with their numbers ("(Subsidiaries):(1) BIC: 130045 (2) TIN: …"),
 * so their numbers must not become this entry's.
 */
const OWN_TEXT_PARTS = new Set(['', 'UK Sanctions List Ref', 'UN Ref']);

export function otherInformationParts(text: string): { label: string; value: string }[] {
  const parts: { label: string; value: string }[] = [];
  let label = '';
  let start = 0;
  for (const m of text.matchAll(PART)) {
    parts.push({ label, value: text.slice(start, m.index).trim() });
    label = m[1] ?? '';
    start = (m.index ?? 0) + m[0].length;
  }
  parts.push({ label, value: text.slice(start).trim() });
  return parts.filter((p) => p.value !== '');
}

export function otherInformationIdentifiers(text: string): EntityIdentifier[] {
  const out: EntityIdentifier[] = [];
  for (const { label, value } of otherInformationParts(text)) {
    const idPart = ID_PARTS[label];
    if (idPart) out.push(...cellIdentifiers(value, idPart.type, idPart.label));
    else if (OWN_TEXT_PARTS.has(label)) out.push(...textIdentifiers(value));
  }
  return out;
}

/**
 * ConList national ID numbers with their details, numbered alike: "(1) 600000000013 (2) 820000000014" beside
 * "(1) TRN (2) INN". Russian entries file their INN here, so the details decide the scheme. A detail without a
 * number can hold the numbers itself: "TIN 0400000020 OGRN 1000000000012".
 */
export function nationalIdentifiers(numbers: string, details: string): EntityIdentifier[] {
  const values = numberedValues(numbers);
  const notes = numberedValues(details);
  if (values.length === 0) return labelledIdentifiers(details);
  return values.flatMap((value, i) => {
    const note = notes.length === values.length ? notes[i] : undefined;
    const scheme = schemeOfDetails(note ?? '');
    return cellIdentifiers(value, scheme.type, scheme.label, scheme.country);
  });
}

/**
 * A person's ID cells sometimes hold the numbers of their firm ("TIN 7700000020 OGRN 1000000000012 Checkpoint
 * 390000031"). Russian registers tell them apart by form: a KPP, a 13-digit OGRN and a 10-digit INN belong only
 * to organisations (a person has a 12-digit INN and a sole trader a 15-digit OGRNIP). Filed on the person, a
 * firm's number would make a screening of the firm an identity match with the person, so it is left as text.
 */
export function personalIdentifiers(ids: EntityIdentifier[]): EntityIdentifier[] {
  const russian = (id: EntityIdentifier) => id.country === 'RU' || id.type === 'inn' || id.type === 'ogrn';
  return ids.filter((id) => {
    if (id.type === 'kpp') return false;
    if (id.type === 'ogrn') return id.value.length !== 13;
    if ((id.type === 'inn' || id.type === 'tax_id') && russian(id)) return id.value.length !== 10;
    return true;
  });
}
