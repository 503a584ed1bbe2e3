import { countryCode } from '../../../entity/countries.ts';
import type { EntityAddress } from '../../../entity/list-entity.ts';
import { ofacDates } from './dates.ts';
import { detailsUrl, EntityParts, kindOf, type MapResult } from './entity-parts.ts';
import { classifyIdentifier, isIdentifierLabel, labelKey } from './identifier-label.ts';
import type { EnhancedAddress, EnhancedEntity } from './parse-enhanced.ts';

const DATE_FEATURES = new Set(['birthdate', 'organization established date']);
const COUNTRY_FEATURES = new Set([
  'nationality country',
  'citizenship country',
  'nationality of registration',
]);
const ADDRESS_ORDER = ['ADDRESS1', 'ADDRESS2', 'ADDRESS3', 'CITY', 'STATE/PROVINCE', 'POSTAL CODE', 'REGION'];

function address(a: EnhancedAddress): EntityAddress | undefined {
  const ordered = [...a.parts].sort((x, y) => ADDRESS_ORDER.indexOf(x.type) - ADDRESS_ORDER.indexOf(y.type));
  const full = [...ordered.map((p) => p.value), ...(a.country ? [a.country] : [])].join(', ');
  if (!full) return undefined;
  const city = a.parts.find((p) => p.type === 'CITY')?.value;
  const country = a.countryIso ?? (a.country ? countryCode(a.country) : undefined);
  return { full, ...(city ? { city } : {}), ...(country ? { country } : {}) };
}

/** An ENHANCED_XML entity → the common model. */
export function mapEnhancedEntity(e: EnhancedEntity, source: string): MapResult {
  if (!e.id || !/^\d+$/.test(e.id)) return { skipped: `entity id "${e.id ?? ''}" is not a number` };
  const primary = e.names.find((n) => n.isPrimary) ?? e.names[0];
  const name = (primary?.translations.find((t) => t.isPrimary) ?? primary?.translations[0])?.fullName;
  if (!name) return { skipped: `entity ${e.id} has no primary name` };

  const parts = new EntityParts(name);
  // Non-Latin spellings of the primary name are translations, which matter for matching as much as aliases.
  for (const n of e.names)
    for (const t of n.translations) parts.alias(t.fullName, n.isLowQuality ? 'weak' : 'strong');

  const addresses = e.addresses.flatMap((a) => address(a) ?? []);
  for (const a of addresses) parts.country(a.country);
  for (const f of e.features) {
    const key = labelKey(f.type);
    if (DATE_FEATURES.has(key)) for (const d of ofacDates(f.value ?? '')) parts.birthDate(d);
    else if (COUNTRY_FEATURES.has(key))
      parts.country(f.valueIso ?? (f.value ? countryCode(f.value) : undefined));
    else if (f.value && isIdentifierLabel(f.type)) parts.identifier(classifyIdentifier(f.type, f.value));
  }
  for (const d of e.documents) {
    const country = d.issuingCountryIso ?? (d.issuingCountry ? countryCode(d.issuingCountry) : undefined);
    parts.identifier(classifyIdentifier(d.type, d.number, country));
  }

  return {
    entity: {
      source,
      entryId: e.id,
      kind: kindOf(e.entityType),
      name,
      aliases: parts.aliases,
      countries: parts.countries,
      identifiers: parts.identifiers,
      addresses,
      birthDates: parts.birthDates,
      programs: e.programs,
      ...(e.remarks ? { remarks: e.remarks } : {}),
      url: detailsUrl(e.id),
      raw: e,
    },
  };
}
