import { countryCode } from '../../../entity/countries.ts';
import type { EntityAddress } from '../../../entity/list-entity.ts';
import { cityOf, detailsUrl, EntityParts, kindOf, type MapResult } from './entity-parts.ts';
import type { AddressRow, LegacyRecord } from './parse.ts';
import { parseRemarks } from './remarks.ts';

function address(row: AddressRow): EntityAddress | undefined {
  const full = [row.address, row.cityStatePostal, row.country].filter((p): p is string => !!p).join(', ');
  if (!full) return undefined;
  const out: EntityAddress = { full };
  const city = cityOf(row.cityStatePostal);
  if (city) out.city = city;
  const country = row.country ? countryCode(row.country) : undefined;
  if (country) out.country = country;
  return out;
}

/** A joined legacy CSV record (sdn.csv or cons_prim.csv plus side files) → the common model. */
export function mapLegacyRecord(record: LegacyRecord, source: string): MapResult {
  const { sdn } = record;
  // The row number locates the record in this one file, not the entry: stored, it would make every entry below
  // an inserted or removed row "changed" in the next version's diff (and rewrite its blob).
  const { line: _line, ...published } = sdn;
  if (!sdn.entNum || !/^\d+$/.test(sdn.entNum))
    return { skipped: `ent_num "${sdn.entNum ?? ''}" is not a number` };
  if (!sdn.name) return { skipped: `ent_num ${sdn.entNum} has no name` };

  const remarks = [sdn.remarks, record.remarksContinuation].filter((r): r is string => !!r).join('');
  const facts = parseRemarks(remarks);
  const parts = new EntityParts(sdn.name);
  for (const alt of record.aliases) parts.alias(alt.altName, 'strong');
  for (const weak of facts.weakAliases) parts.alias(weak, 'weak');

  const addresses: EntityAddress[] = [];
  for (const row of record.addresses) {
    const a = address(row);
    if (!a) continue;
    addresses.push(a);
    parts.country(a.country);
  }
  for (const c of facts.countries) parts.country(c);
  for (const id of facts.identifiers) parts.identifier(id);
  // A vessel's flag is its country of registration.
  if (sdn.vesselFlag) parts.country(countryCode(sdn.vesselFlag));
  if (sdn.callSign) parts.identifier({ type: 'other', value: sdn.callSign, label: 'Call Sign' });
  for (const d of facts.birthDates) parts.birthDate(d);

  return {
    entity: {
      source,
      entryId: sdn.entNum,
      kind: kindOf(sdn.type),
      name: sdn.name,
      aliases: parts.aliases,
      countries: parts.countries,
      identifiers: parts.identifiers,
      addresses,
      birthDates: parts.birthDates,
      programs: sdn.programs,
      ...(remarks ? { remarks } : {}),
      url: detailsUrl(sdn.entNum),
      raw: { ...record, sdn: published },
    },
  };
}
