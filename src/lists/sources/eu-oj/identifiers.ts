import type { EntityIdentifier } from '../../../entity/list-entity.ts';
import { splitCellValues } from './parse.ts';

/** Column → entity-model scheme. Columns not listed here are not identifiers. */
const SCHEMES: Record<string, string> = {
  registrationNumber: 'registration',
  taxNumber: 'tax_id',
  idNumber: 'national_id',
  passportNumber: 'passport',
  innCode: 'inn',
  ogrnCode: 'ogrn',
  kppCode: 'kpp',
  okpoCode: 'other',
  leiCode: 'lei',
  swiftBic: 'swift',
  imoNumber: 'imo',
  mmsi: 'mmsi',
  email: 'email',
  website: 'website',
  phone: 'phone',
};

/** Schemes whose printed values carry grouping spaces ("9 102 157 783") that matching must not see. */
const COMPACT = new Set(['inn', 'ogrn', 'kpp', 'imo', 'mmsi', 'lei', 'swift']);

/**
 * The Journal often annotates a number in the wrong column ("7703399790 (Tax ID/INN)" under registrationNumber),
 * so the annotation, when it names a Russian register, wins over the column.
 */
function schemeFromNote(note: string): string | undefined {
  if (/\bINN\b|Tax ID\/INN/i.test(note)) return 'inn';
  if (/\bOGRN\b/i.test(note)) return 'ogrn';
  if (/\bKPP\b/i.test(note)) return 'kpp';
  if (/\bIMO\b/i.test(note)) return 'imo';
  return undefined;
}

function parseOne(column: string, scheme: string, printed: string): EntityIdentifier | undefined {
  const m = /^(.*?)\s*\((.+)\)\s*$/.exec(printed);
  const head = (m?.[1] ?? printed).trim();
  const note = m?.[2]?.trim();
  if (!head) return undefined;
  const type = (note && schemeFromNote(note)) ?? scheme;
  const value = COMPACT.has(type) ? head.replace(/\s+/g, '') : head;
  const id: EntityIdentifier = { type, value };
  if (type === 'other') id.label = column === 'okpoCode' ? 'OKPO' : column;
  if (note) id.label = id.label ? `${id.label} (${note})` : note;
  return id;
}

export function identifiersOf(fields: Record<string, string>): EntityIdentifier[] {
  const out: EntityIdentifier[] = [];
  for (const [column, scheme] of Object.entries(SCHEMES)) {
    for (const printed of splitCellValues(fields[column] ?? '')) {
      const id = parseOne(column, scheme, printed);
      if (id && !out.some((o) => o.type === id.type && o.value === id.value)) out.push(id);
    }
  }
  return out;
}
