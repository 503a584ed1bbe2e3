import type { ListEntity } from '../lists/entity.ts';
import { checksumValid, idStrength, normScheme, normValue, schemeFamily } from './identifiers.ts';
import type { EvidencePart, PartyQuery } from './types.ts';

/**
 * Field weights, in the spirit of OpenSanctions' logic-v1 (country/DOB disagreement as penalties, identifier
 * matches as near-proof) but with small bonuses so a corroborating field can lift a borderline name.
 */
export const COUNTRY_MATCH = 0.02;
export const COUNTRY_MISMATCH = -0.08;
export const DOB_EXACT = 0.03;
export const DOB_YEAR = 0.01;
export const DOB_MISMATCH = -0.12;
export const KIND_PERSON_CLASH = -0.15;
export const KIND_OTHER_CLASH = -0.05;
export const WEAK_ID_BONUS = 0.03;
export const ID_CONFLICT = -0.1;
/** A strong identifier match puts the score at least here, rising with the name score. */
export const STRONG_ID_FLOOR = 0.85;

export interface PreparedFields {
  country: string | null;
  ids: { family: string; scheme: string; value: string; country: string | null }[];
  dob: string | null;
  kind: string | null;
  /** Largest total bonus these fields can add; retrieval uses it to bound scores. */
  maxBonus: number;
}

export function prepareFields(q: PartyQuery): PreparedFields {
  const ids = (q.identifiers ?? []).flatMap((i) => {
    const scheme = normScheme(i.scheme);
    const value = normValue(scheme, i.value);
    return value
      ? [{ family: schemeFamily(scheme), scheme, value, country: i.country?.toUpperCase() ?? null }]
      : [];
  });
  const country = q.country ? q.country.toUpperCase() : null;
  const dob = q.birthDate && /^\d{4}/.test(q.birthDate) ? q.birthDate : null;
  const kind = q.kind && q.kind !== 'unknown' ? q.kind : null;
  const maxBonus = (country ? COUNTRY_MATCH : 0) + (dob ? DOB_EXACT : 0) + (ids.length ? WEAK_ID_BONUS : 0);
  return { country, ids, dob, kind, maxBonus };
}

const part = (score: number | null, effect: number, detail: string): EvidencePart => ({
  score,
  effect,
  detail,
});

function strengthOf(scheme: string, value: string, country: string | null): 'strong' | 'weak' | 'invalid' {
  // Russian tax numbers are often labelled just "Tax ID": validate them as INN when they look like one.
  if (
    schemeFamily(scheme) === 'tax' &&
    (country === 'RU' || scheme === 'inn') &&
    /^\d{10}(\d{2})?$/.test(value)
  ) {
    return checksumValid('inn', value) ? 'strong' : 'weak';
  }
  return idStrength(scheme, value);
}

export function compareIds(f: PreparedFields, e: ListEntity): { part: EvidencePart; strong: boolean } {
  if (f.ids.length === 0 || e.identifiers.length === 0)
    return { part: part(null, 0, 'not compared'), strong: false };
  let best: 'strong' | 'weak' | 'conflict' | null = null;
  let detail = '';
  for (const qi of f.ids) {
    for (const ei of e.identifiers) {
      const scheme = normScheme(ei.type);
      if (schemeFamily(scheme) !== qi.family) continue;
      const value = normValue(scheme, ei.value);
      const ec = ei.country?.toUpperCase() ?? null;
      const countryClash = qi.country !== null && ec !== null && qi.country !== ec;
      if (value === qi.value) {
        // A registration number from another country's registry is a coincidence, not identity.
        const s = countryClash ? 'weak' : strengthOf(qi.scheme, value, qi.country ?? ec);
        if (s === 'strong') return { part: part(1, 0, `${qi.scheme} ${value} matches`), strong: true };
        if (best !== 'weak') {
          best = 'weak';
          detail = `${qi.scheme} ${value} matches (weak: ${countryClash ? 'other country' : 'non-unique scheme'})`;
        }
      } else if (
        best === null &&
        !countryClash &&
        qi.scheme === scheme &&
        strengthOf(qi.scheme, qi.value, qi.country) === 'strong' &&
        strengthOf(scheme, value, ec) === 'strong' &&
        checksumValid(qi.scheme === 'tax_id' ? 'inn' : qi.scheme, qi.value) === true
      ) {
        best = 'conflict';
        detail = `${scheme} differs (${qi.value} vs ${value})`;
      }
    }
  }
  if (best === 'weak') return { part: part(0.5, WEAK_ID_BONUS, detail), strong: false };
  if (best === 'conflict') return { part: part(0, ID_CONFLICT, detail), strong: false };
  return { part: part(null, 0, 'no shared scheme'), strong: false };
}

export function compareCountry(f: PreparedFields, e: ListEntity): EvidencePart {
  if (!f.country) return part(null, 0, 'query has no country');
  const countries = new Set(e.countries.map((c) => c.toUpperCase()));
  for (const a of e.addresses) if (a.country) countries.add(a.country.toUpperCase());
  if (countries.size === 0) return part(null, 0, 'entry has no country');
  if (countries.has(f.country)) return part(1, COUNTRY_MATCH, `${f.country} listed`);
  return part(0, COUNTRY_MISMATCH, `${f.country} not in ${[...countries].join(', ')}`);
}

export function compareBirthDate(f: PreparedFields, e: ListEntity): EvidencePart {
  if (!f.dob) return part(null, 0, 'query has no birth date');
  if (e.birthDates.length === 0) return part(null, 0, 'entry has no birth date');
  const qy = Number(f.dob.slice(0, 4));
  let bestGap = Number.POSITIVE_INFINITY;
  for (const b of e.birthDates) {
    // Equal at the precision both sides have (a listed "1969" agrees with "1969-04-25").
    const len = Math.min(b.length, f.dob.length);
    if (len >= 7 && b.slice(0, len) === f.dob.slice(0, len)) return part(1, DOB_EXACT, `${b} matches`);
    bestGap = Math.min(bestGap, Math.abs(Number(b.slice(0, 4)) - qy));
  }
  if (bestGap === 0) return part(0.8, DOB_YEAR, 'same birth year');
  if (bestGap <= 1) return part(0.5, 0, 'birth year off by one');
  return part(0, DOB_MISMATCH, `birth year differs (${e.birthDates.join(', ')})`);
}

export function compareKind(f: PreparedFields, e: ListEntity): EvidencePart {
  if (!f.kind || e.kind === 'unknown') return part(null, 0, 'kind not known on both sides');
  if (f.kind === e.kind) return part(1, 0, `both ${e.kind}`);
  if (f.kind === 'person' || e.kind === 'person') return part(0, KIND_PERSON_CLASH, `${f.kind} vs ${e.kind}`);
  return part(0.3, KIND_OTHER_CLASH, `${f.kind} vs ${e.kind}`);
}
