import { countryCode } from '../entity/countries.ts';
import type { EntityIdentifier, EntityKind, ListEntity } from '../entity/list-entity.ts';
import { parsePrintedDate } from '../lists/printed-dates.ts';
import { detectScript } from '../lists/script.ts';

/** One watchlist row after the CSV or JSON layout has been read, before validation. */
export interface CustomRowInput {
  id: unknown;
  name: unknown;
  kind?: unknown;
  aliases?: unknown;
  countries?: unknown;
  identifiers?: unknown;
  birthDate?: unknown;
  programs?: unknown;
  remarks?: unknown;
}

export interface RowError {
  row: number;
  message: string;
}

const KINDS: Record<string, EntityKind> = {
  person: 'person',
  individual: 'person',
  organization: 'organization',
  organisation: 'organization',
  company: 'organization',
  entity: 'organization',
  vessel: 'vessel',
  aircraft: 'aircraft',
  unknown: 'unknown',
};

/** Schemes the entity model knows; anything else is kept as `other` with the tenant's label. */
const SCHEMES = new Set([
  'inn',
  'ogrn',
  'kpp',
  'lei',
  'imo',
  'mmsi',
  'swift',
  'passport',
  'national_id',
  'tax_id',
  'registration',
  'vessel_registration',
  'aircraft_registration',
  'email',
  'website',
  'phone',
  'other',
]);

const MAX_TEXT = 500;

/** Validates one row into an entity, or lists every field that is wrong (all of them, so one upload fixes all). */
export function customRowToEntity(
  input: CustomRowInput,
  row: number,
  source: string,
  raw: unknown,
): ListEntity | RowError[] {
  const errors: RowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row, message: `${field}: ${message}` });
  const text = (field: string, v: unknown, required: boolean): string | undefined => {
    if (v === undefined || v === null || v === '') {
      if (required) fail(field, 'is required');
      return undefined;
    }
    if (typeof v !== 'string' && typeof v !== 'number') return void fail(field, 'must be a string');
    const s = String(v).trim();
    if (required && !s) fail(field, 'is required');
    if (s.length > MAX_TEXT) fail(field, `is longer than ${MAX_TEXT} characters`);
    return s || undefined;
  };
  const list = (field: string, v: unknown): string[] => {
    if (v === undefined || v === null || v === '') return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      fail(field, 'must be a list of strings');
      return [];
    }
    return v.map((x) => x.trim()).filter(Boolean);
  };

  const id = text('id', input.id, true);
  const name = text('name', input.name, true);
  const kindText = text('kind', input.kind, false)?.toLowerCase();
  const kind = kindText === undefined ? 'unknown' : KINDS[kindText];
  if (kindText !== undefined && !kind)
    fail('kind', `"${kindText}" is not one of person, organization, vessel, aircraft`);

  const aliases = list('aliases', input.aliases).filter((a) => a !== name);

  const countries: string[] = [];
  for (const c of list('countries', input.countries)) {
    const code = /^[A-Za-z]{2}$/.test(c) ? c.toUpperCase() : countryCode(c);
    if (code) countries.includes(code) || countries.push(code);
    else fail('country', `"${c}" is not an ISO country code or a known country name`);
  }

  const identifiers: EntityIdentifier[] = [];
  const rawIds = input.identifiers ?? [];
  if (!Array.isArray(rawIds)) fail('identifiers', 'must be a list');
  else {
    for (const [i, item] of (rawIds as unknown[]).entries()) {
      const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      const type = typeof o.type === 'string' ? o.type.trim().toLowerCase() : '';
      const value = typeof o.value === 'string' || typeof o.value === 'number' ? String(o.value).trim() : '';
      if (!type || !value) {
        fail('identifiers', `entry ${i + 1} needs a type and a value`);
        continue;
      }
      const id: EntityIdentifier = SCHEMES.has(type)
        ? { type, value }
        : { type: 'other', value, label: type };
      if (o.country !== undefined) {
        const c = typeof o.country === 'string' ? o.country.trim() : '';
        const code = /^[A-Za-z]{2}$/.test(c) ? c.toUpperCase() : countryCode(c);
        if (code) id.country = code;
        else fail('identifiers', `entry ${i + 1} country "${c}" is not a known country`);
      }
      identifiers.push(id);
    }
  }

  const birthText = text('birth_date', input.birthDate, false);
  const birthDate = birthText ? parsePrintedDate(birthText) : undefined;
  if (birthText && !birthDate)
    fail('birth_date', `"${birthText}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
  const programs = list('programs', input.programs);
  const remarks = text('remarks', input.remarks, false);

  if (errors.length > 0 || !id || !name || !kind) return errors;
  const entity: ListEntity = {
    source,
    entryId: id,
    kind,
    name,
    aliases: [...new Set(aliases)].map((value) => ({
      value,
      quality: 'strong',
      script: detectScript(value),
    })),
    countries,
    identifiers,
    addresses: [],
    birthDates: birthDate ? [birthDate] : [],
    programs,
    raw,
  };
  if (remarks) entity.remarks = remarks;
  return entity;
}
