import type { EntityIdentifier, ListEntity } from '../entity/list-entity.ts';
import { ID_CONFLICT, type IdConflictKind, signed, WEAK_ID_BONUS } from './evidence-weights.ts';
import { checksumValid, idStrength, normScheme, normValue, schemeFamily } from './identifiers.ts';
import type { EvidencePart } from './types.ts';

export interface PreparedId {
  family: string;
  scheme: string;
  value: string;
  country: string | null;
}

function strengthOf(scheme: string, value: string, country: string | null): 'strong' | 'weak' | 'invalid' {
  // Russian tax numbers are often labelled just "Tax ID": validate them as INN when they look like one.
  if (isInn(scheme, value, country)) return checksumValid('inn', value) ? 'strong' : 'weak';
  return idStrength(scheme, value);
}

const isInn = (scheme: string, value: string, country: string | null) =>
  schemeFamily(scheme) === 'tax' && (country === 'RU' || scheme === 'inn') && /^\d{10}(\d{2})?$/.test(value);

/**
 * What a different value of this scheme says. Check-digit numbers are compared only when both are valid (a
 * mistyped one proves nothing); numbers without one only within one country's registry (a Serbian and a
 * Bulgarian registration number are different numbering systems, not a contradiction).
 */
function conflictOf(
  scheme: string,
  value: string,
  country: string | null,
): { key: string; kind: IdConflictKind } | null {
  if (isInn(scheme, value, country))
    return checksumValid('inn', value) ? { key: 'inn', kind: 'permanent' } : null;
  if (scheme === 'imo' || scheme === 'ogrn' || scheme === 'lei' || scheme === 'inn')
    return checksumValid(scheme, value) ? { key: scheme, kind: 'permanent' } : null;
  if (scheme === 'mmsi') return /^\d{9}$/.test(value) ? { key: scheme, kind: 'mmsi' } : null;
  if (idStrength(scheme, value) !== 'strong' || country === null) return null;
  if (scheme === 'passport') return { key: `passport:${country}`, kind: 'passport' };
  const registry = [
    'national_id',
    'registration',
    'tax_id',
    'swift',
    'vessel_registration',
    'aircraft_registration',
  ];
  return registry.includes(scheme) ? { key: `${scheme}:${country}`, kind: 'registry' } : null;
}

const WHY: Record<IdConflictKind, string> = {
  permanent: 'another valid number, near-proof of another holder',
  registry: 'another number in the same registry',
  passport: 'another passport of the same country (passports are reissued)',
  mmsi: 'another MMSI (it changes with the flag)',
};

/** The country of a listed number: its own, else the entry's only country. A BIC carries its country inside. */
function entryIdCountry(scheme: string, value: string, id: EntityIdentifier, e: ListEntity): string | null {
  if (scheme === 'swift' && value.length >= 6) return value.slice(4, 6);
  return id.country?.toUpperCase() ?? (e.countries.length === 1 ? e.countries[0]!.toUpperCase() : null);
}

function queryIdCountry(q: PreparedId, partyCountry: string | null): string | null {
  if (q.scheme === 'swift' && q.value.length >= 6) return q.value.slice(4, 6);
  return q.country ?? partyCountry;
}

const NONE: EvidencePart = { score: null, effect: 0, detail: 'no shared scheme' };

/**
 * A shared strong identifier is identity (finalize.ts lifts the score to the floor); a shared weak one adds a
 * little; a different number of the same scheme, when no listed number of it matches, subtracts by scheme.
 * A match of any identifier outweighs a conflict of another (an IMO shared and an MMSI changed: same ship).
 */
export function compareIds(
  ids: PreparedId[],
  partyCountry: string | null,
  e: ListEntity,
): { part: EvidencePart; strong: boolean } {
  if (ids.length === 0 || e.identifiers.length === 0)
    return { part: { score: null, effect: 0, detail: 'not compared' }, strong: false };
  const listed = e.identifiers.map((id) => {
    const scheme = normScheme(id.type);
    const value = normValue(scheme, id.value);
    return { scheme, family: schemeFamily(scheme), value, country: id.country?.toUpperCase() ?? null, id };
  });
  let weak: EvidencePart | null = null;
  let conflict: EvidencePart | null = null;
  for (const q of ids) {
    const same = listed.filter((l) => l.family === q.family);
    const equal = same.find((l) => l.value === q.value);
    if (equal) {
      const countryClash = q.country !== null && equal.country !== null && q.country !== equal.country;
      // A registration number from another country's registry is a coincidence, not identity.
      const s = countryClash ? 'weak' : strengthOf(q.scheme, q.value, q.country ?? equal.country);
      if (s === 'strong')
        return { part: { score: 1, effect: 0, detail: `${q.scheme} ${q.value} matches` }, strong: true };
      const why = countryClash ? 'other country' : 'non-unique scheme';
      weak ??= {
        score: 0.5,
        effect: WEAK_ID_BONUS,
        detail: `${q.scheme} ${q.value} matches (weak: ${why}), ${signed(WEAK_ID_BONUS)}`,
      };
      continue;
    }
    const qc = conflictOf(q.scheme, q.value, queryIdCountry(q, partyCountry));
    if (!qc) continue;
    for (const l of same) {
      const lc = conflictOf(l.scheme, l.value, entryIdCountry(l.scheme, l.value, l.id, e));
      if (lc?.key !== qc.key) continue;
      const effect = ID_CONFLICT[qc.kind];
      if (conflict === null || effect < conflict.effect) {
        const detail = `${q.scheme} ${q.value} vs listed ${l.value}: ${WHY[qc.kind]}, ${signed(effect)}`;
        conflict = { score: 0, effect, detail };
      }
    }
  }
  return { part: conflict ?? weak ?? NONE, strong: false };
}
