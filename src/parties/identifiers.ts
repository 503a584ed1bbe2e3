/**
 * Identifier normalisation and check digits. A checksum-valid INN, OGRN, LEI or IMO is near-certain
 * identity; other registration and tax numbers are strong only when their countries do not disagree; contact
 * details (phone, email, website) are weak: shared by many unrelated firms behind one agent.
 */
const SCHEME_ALIASES: Record<string, string> = {
  inn: 'inn',
  'tax id': 'tax_id',
  taxid: 'tax_id',
  tax_id: 'tax_id',
  vat: 'tax_id',
  ogrn: 'ogrn',
  ogrnip: 'ogrn',
  lei: 'lei',
  imo: 'imo',
  'imo number': 'imo',
  mmsi: 'mmsi',
  swift: 'swift',
  bic: 'swift',
  'swift/bic': 'swift',
  passport: 'passport',
  national_id: 'national_id',
  'national id': 'national_id',
  registration: 'registration',
  'registration number': 'registration',
  regnum: 'registration',
  website: 'website',
  url: 'website',
  email: 'email',
  phone: 'phone',
};

const WEAK_SCHEMES = new Set(['website', 'email', 'phone', 'other']);

export function normScheme(scheme: string): string {
  const s = scheme.trim().toLowerCase();
  return SCHEME_ALIASES[s] ?? s.replace(/[\s-]+/g, '_');
}

export function normValue(scheme: string, value: string): string {
  if (scheme === 'website')
    return value
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
  if (scheme === 'email') return value.trim().toLowerCase();
  if (scheme === 'imo')
    return value
      .toUpperCase()
      .replace(/^IMO/, '')
      .replace(/[^0-9]/g, '');
  const clean = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  // A BIC's first 8 characters name the institution; the optional 3 after them only a branch ("XXX" = head
  // office), so DEUTDEFF and DEUTDEFF500 are one bank (ISO 9362).
  return scheme === 'swift' && clean.length === 11 ? clean.slice(0, 8) : clean;
}

function innValid(v: string): boolean {
  const d = [...v].map(Number);
  const check = (w: number[]) => (w.reduce((s, x, i) => s + x * d[i]!, 0) % 11) % 10;
  if (d.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  if (d.length === 12)
    return (
      check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11]
    );
  return false;
}

function ogrnValid(v: string): boolean {
  if (v.length !== 13 && v.length !== 15) return false;
  const body = BigInt(v.slice(0, -1));
  const mod = v.length === 13 ? 11n : 13n;
  return Number((body % mod) % 10n) === Number(v.slice(-1));
}

function leiValid(v: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(v)) return false;
  const digits = [...v].map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c)).join('');
  let r = 0;
  for (const c of digits) r = (r * 10 + Number(c)) % 97;
  return r === 1;
}

function imoValid(v: string): boolean {
  if (!/^\d{7}$/.test(v)) return false;
  let s = 0;
  for (let i = 0; i < 6; i++) s += Number(v[i]) * (7 - i);
  return s % 10 === Number(v[6]);
}

/** Schemes with a check digit: a valid value is identity on its own. */
export function checksumValid(scheme: string, value: string): boolean | null {
  if (!/^[0-9A-Z]+$/.test(value))
    return scheme === 'inn' || scheme === 'ogrn' || scheme === 'imo' ? false : null;
  switch (scheme) {
    case 'inn':
      return /^\d+$/.test(value) && innValid(value);
    case 'ogrn':
      return /^\d+$/.test(value) && ogrnValid(value);
    case 'lei':
      return leiValid(value);
    case 'imo':
      return imoValid(value);
    default:
      return null;
  }
}

export type IdStrength = 'strong' | 'weak' | 'invalid';

/** How much a value on its own says about identity, before comparing countries. */
export function idStrength(scheme: string, value: string): IdStrength {
  if (WEAK_SCHEMES.has(scheme)) return 'weak';
  const valid = checksumValid(scheme, value);
  if (valid === false) return 'invalid';
  if (valid === true) return 'strong';
  // Short numbers (e.g. a 5-digit registration) collide across registries.
  return value.length >= 6 ? 'strong' : 'weak';
}

/** Groups schemes that hold the same number under different labels (INN is a tax id; OGRN a registration). */
export function schemeFamily(scheme: string): string {
  if (scheme === 'inn' || scheme === 'tax_id') return 'tax';
  if (scheme === 'ogrn' || scheme === 'registration') return 'reg';
  return scheme;
}

/** The key identifiers are indexed and looked up by. */
export function idKey(scheme: string, value: string): string {
  return `${schemeFamily(scheme)}:${value}`;
}
