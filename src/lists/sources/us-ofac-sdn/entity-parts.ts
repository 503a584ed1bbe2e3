import type { EntityIdentifier, EntityKind, EntityName, ListEntity } from '../../../entity/list-entity.ts';
import { detectScript } from '../../script.ts';

export type MapResult = { entity: ListEntity } | { skipped: string };

export function detailsUrl(entryId: string): string {
  return `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${encodeURIComponent(entryId)}`;
}

/** OFAC spells the kind as "individual"/"Individual", "Entity" or nothing for organisations, "vessel"… */
export function kindOf(type: string | null | undefined): EntityKind {
  const t = (type ?? '').trim().toLowerCase();
  if (t === 'individual') return 'person';
  if (t === 'vessel') return 'vessel';
  if (t === 'aircraft') return 'aircraft';
  if (t === '' || t === 'entity') return 'organization';
  return 'unknown';
}

/** Identifier schemes whose country says where the entity is registered or whose citizen it is. */
const COUNTRY_BEARING = new Set([
  'inn',
  'ogrn',
  'kpp',
  'tax_id',
  'registration',
  'lei',
  'passport',
  'national_id',
]);

/** Collects the parts of one entity, dropping repeats the several OFAC fields often carry. */
export class EntityParts {
  readonly aliases: EntityName[] = [];
  readonly countries: string[] = [];
  readonly identifiers: EntityIdentifier[] = [];
  readonly birthDates: string[] = [];

  constructor(private readonly primaryName: string) {}

  alias(value: string | null | undefined, quality: 'strong' | 'weak'): void {
    const v = value?.trim();
    if (!v || v === this.primaryName) return;
    const existing = this.aliases.find((a) => a.value === v);
    // The same name listed both ways keeps the stronger reading: weak only lowers a score.
    if (existing) {
      if (quality === 'strong') existing.quality = 'strong';
      return;
    }
    this.aliases.push({ value: v, quality, script: detectScript(v) });
  }

  country(code: string | undefined): void {
    if (code && !this.countries.includes(code)) this.countries.push(code);
  }

  identifier(id: EntityIdentifier): void {
    if (!id.value) return;
    const dup = this.identifiers.some(
      (i) => i.type === id.type && i.value === id.value && i.country === id.country,
    );
    if (!dup) this.identifiers.push(id);
    if (COUNTRY_BEARING.has(id.type)) this.country(id.country);
  }

  birthDate(date: string): void {
    if (!this.birthDates.includes(date)) this.birthDates.push(date);
  }
}

/** "Moscow 127322" or "London EC3N 1DY" → the city, since OFAC packs city, state and postcode in one field. */
export function cityOf(line: string | null | undefined): string | undefined {
  if (!line) return undefined;
  const words = line
    .split(/\s+/)
    .filter((w) => !/\d/.test(w))
    .join(' ')
    .replace(/^[,\s]+|[,\s]+$/g, '');
  return words || undefined;
}
