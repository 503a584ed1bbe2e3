import type { ListEntity } from '../entity/list-entity.ts';
import {
  COUNTRY_MATCH,
  COUNTRY_MISMATCH,
  DOB,
  KIND_CLASH,
  KIND_PERSON_ORGANIZATION,
  signed,
  WEAK_ID_BONUS,
} from './evidence-weights.ts';
import type { PreparedId } from './id-evidence.ts';
import { normScheme, normValue, schemeFamily } from './identifiers.ts';
import type { EvidencePart, PartyQuery } from './types.ts';

export { compareBirthDate } from './birth-date.ts';
export { STRONG_ID_FLOOR } from './evidence-weights.ts';
export { compareIds } from './id-evidence.ts';

/**
 * The query's fields, normalised once per search. Each compare* function returns an EvidencePart whose
 * `detail` says in words what the field did (CALIBRATION.md "Field effects" has the model and its reasons).
 */
export interface PreparedFields {
  country: string | null;
  ids: PreparedId[];
  dob: string | null;
  kind: string | null;
  /** Largest total bonus these fields can add; retrieval uses it to bound scores (search.ts `cannotReach`). */
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
  const dob = q.birthDate && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(q.birthDate) ? q.birthDate : null;
  const kind = q.kind && q.kind !== 'unknown' ? q.kind : null;
  // Every bonus a field can give, at its largest: a bound that is too low would silently lose hits.
  const maxBonus =
    (country ? COUNTRY_MATCH : 0) + (dob ? DOB.exact.effect : 0) + (ids.length ? WEAK_ID_BONUS : 0);
  return { country, ids, dob, kind, maxBonus };
}

/** A vessel's listed country is its flag; the query's country of a vessel is the flag it flies now. */
function mismatchOf(kind: string): number {
  if (kind === 'person' || kind === 'organization' || kind === 'vessel') return COUNTRY_MISMATCH[kind];
  return COUNTRY_MISMATCH.other;
}

/**
 * The query names one country; the entry lists nationality, citizenship, registration, flag and address
 * countries together (the list formats rarely say which is which), so any one of them agreeing is a match.
 */
export function compareCountry(f: PreparedFields, e: ListEntity): EvidencePart {
  if (!f.country) return { score: null, effect: 0, detail: 'query has no country' };
  const countries = new Set(e.countries.map((c) => c.toUpperCase()));
  for (const a of e.addresses) if (a.country) countries.add(a.country.toUpperCase());
  if (countries.size === 0) return { score: null, effect: 0, detail: 'entry has no country' };
  const kind = e.kind === 'unknown' ? (f.kind ?? 'unknown') : e.kind;
  const what = kind === 'vessel' ? 'flag' : 'country';
  if (countries.has(f.country))
    return {
      score: 1,
      effect: COUNTRY_MATCH,
      detail: `${what} ${f.country} listed, ${signed(COUNTRY_MATCH)}`,
    };
  const effect = mismatchOf(kind);
  const why = kind === 'person' ? ' (a person may hold another nationality or live abroad)' : '';
  const listed = [...countries].join(', ');
  return {
    score: 0,
    effect,
    detail: `${what} ${f.country} vs listed ${listed}: no overlap${why}, ${signed(effect)}`,
  };
}

/**
 * Different kinds cannot be the same party: a company is not the ship it owns, a person not an organisation.
 * "unknown" on either side (and custom lists without a kind) is neutral.
 */
export function compareKind(f: PreparedFields, e: ListEntity): EvidencePart {
  if (!f.kind || e.kind === 'unknown')
    return { score: null, effect: 0, detail: 'kind not known on both sides' };
  if (f.kind === e.kind) return { score: 1, effect: 0, detail: `both ${e.kind}, no effect` };
  const pair = new Set([f.kind, e.kind]);
  const effect = pair.has('person') && pair.has('organization') ? KIND_PERSON_ORGANIZATION : KIND_CLASH;
  return { score: 0, effect, detail: `${f.kind} vs listed ${e.kind}: different kinds, ${signed(effect)}` };
}
