import type { ListEntity } from '../../src/entity/list-entity.ts';

/**
 * Identifier schemes that name one legal or natural person. Contact details (website, email, phone), `other`
 * and KPP (shared by every branch of a Russian firm) link agents and branches, not the same entity.
 */
export const STRONG_SCHEMES = new Set([
  'imo',
  'mmsi',
  'passport',
  'national_id',
  'registration',
  'tax_id',
  'inn',
  'ogrn',
  'swift',
  'lei',
]);

/** Shorter values ("12345") collide by chance across countries. */
const MIN_VALUE_LENGTH = 6;

const idValue = (type: string, value: string): string => {
  const v = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return type === 'imo' ? v.replace(/^IMO/, '') : v;
};

const years = (e: ListEntity): number[] => e.birthDates.map((d) => Number(d.slice(0, 4)));
const fullDates = (e: ListEntity): string[] => e.birthDates.filter((d) => d.length === 10);

/**
 * Two entries that share an identifier must still look like one entity: same kind, and for people the same
 * full birth date when both lists give one (else birth years at most one apart). Lists do carry wrong or
 * recycled numbers (a national id given to two different people), and such a pair would be no positive.
 */
export function compatible(a: ListEntity, b: ListEntity): boolean {
  if (a.kind !== b.kind && a.kind !== 'unknown' && b.kind !== 'unknown') return false;
  const da = fullDates(a);
  const db = fullDates(b);
  if (da.length > 0 && db.length > 0) return da.some((d) => db.includes(d));
  const ya = years(a);
  const yb = years(b);
  if (ya.length === 0 || yb.length === 0) return true;
  return ya.some((y) => yb.some((z) => Math.abs(y - z) <= 1));
}

/** `scheme:value` of each strong identifier an entry holds. */
export function strongKeys(e: ListEntity): string[] {
  const out: string[] = [];
  for (const id of e.identifiers) {
    if (!STRONG_SCHEMES.has(id.type)) continue;
    const v = idValue(id.type, id.value);
    if (v.length >= MIN_VALUE_LENGTH) out.push(`${id.type}:${v}`);
  }
  return out;
}

/**
 * Numbers the UK's ConList states in an entry's "Other Information" rather than in a column of its own, and
 * which its parser leaves in the remarks: "(Business Reg No):1027700132195", "(IMO number):9274343".
 */
const REMARK_TAG = /\((?:Business Reg No|IMO number)\):([^(]*)/g;
const REMARK_NUMBER = /\d[\d ]*\d[A-Z]?/g;

/**
 * The values of an entry's strong identifiers and remark-stated numbers, without their scheme: lists file
 * one number under different schemes (an INN as "Tax ID", an OGRN as "Registration Number": hundreds of
 * each on the real lists), so evidence of sameness compares the values.
 */
export function identifierValues(e: ListEntity): string[] {
  const out = strongKeys(e).map((k) => k.slice(k.indexOf(':') + 1));
  for (const m of (e.remarks ?? '').matchAll(REMARK_TAG))
    for (const n of m[1]!.toUpperCase().match(REMARK_NUMBER) ?? []) {
      const v = n.replace(/ /g, '');
      if (v.length >= MIN_VALUE_LENGTH) out.push(v);
    }
  return [...new Set(out)];
}
