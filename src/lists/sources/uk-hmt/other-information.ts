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
 * Contact parts, numbered like every ConList list: "(Website):(1) https://a.example (2) https://b.example".
 * Values are kept as printed; they are weak evidence (many firms share one agent's phone).
 */
const CONTACT_PARTS: Record<string, string> = {
  'Phone number': 'phone',
  Website: 'website',
  'Email address': 'email',
};

/**
 * "(1) +7 (843) 000-00-00 (2) 8 (843) 000-00-01": phone area codes are bracketed like the numbering, so only
 * "(1)", "(2)", … in sequence split the cell.
 */
function inSequence(cell: string): string[] {
  const text = cell.trim();
  if (!text.startsWith('(1)')) return text ? [text] : [];
  const items: string[] = [];
  let from = 3;
  for (let n = 2; ; n++) {
    const at = text.indexOf(`(${n})`, from);
    items.push(text.slice(from, at === -1 ? undefined : at).trim());
    if (at === -1) break;
    from = at + `(${n})`.length;
  }
  return items.filter((v) => v !== '' && v !== '-');
}

const EMAIL = /[^\s@,;()]+@[^\s@,;()]+\.[A-Za-z]{2,}/g;

/**
 * Cells run values together ("info@a.example. www.a.example") or split a number ("+213" then "23 304 359"), so
 * only whole values are kept: e-mail addresses as found, phones with at least 7 digits, websites without spaces.
 */
function contactIdentifiers(type: string, cell: string): EntityIdentifier[] {
  const values = inSequence(cell).flatMap((v) => {
    if (type === 'email') return [...v.matchAll(EMAIL)].map((m) => m[0]);
    if (type === 'phone') return (v.match(/\d/g) ?? []).length >= 7 ? [v] : [];
    return /\s/.test(v) ? [] : [v];
  });
  return values.map((value) => ({ type, value }));
}

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
    const contact = CONTACT_PARTS[label];
    if (idPart) out.push(...cellIdentifiers(value, idPart.type, idPart.label));
    else if (contact) out.push(...contactIdentifiers(contact, value));
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
