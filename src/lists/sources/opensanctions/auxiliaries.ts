import type { FtmEntity } from './parse.ts';
import { prop } from './parse.ts';

/** What a Sanction record tells about its target; kept small because every one is held in memory. */
export interface SanctionFacts {
  authority: string[];
  program: string[];
  programId: string[];
  listingDate: string[];
  startDate: string[];
  sourceUrl: string[];
  reason: string[];
}

export interface AddressFacts {
  full: string;
  city?: string;
  country?: string;
}

export interface IdentityDocument {
  schema: 'Passport' | 'Identification';
  number: string;
  type: string;
  country?: string;
}

/** A relation seen from one of its ends: "owned by <other>", "director of <other>"… */
export interface Link {
  phrase: string;
  other: string;
  detail?: string;
}

export const TARGET_SCHEMAS = new Set([
  'Person',
  'Company',
  'Organization',
  'LegalEntity',
  'Vessel',
  'Airplane',
]);

const RELATIONS: Record<string, { from: string; to: string; fromPhrase: string; toPhrase: string }> = {
  Ownership: { from: 'owner', to: 'asset', fromPhrase: 'owns', toPhrase: 'owned by' },
  Directorship: { from: 'director', to: 'organization', fromPhrase: 'director of', toPhrase: 'has director' },
  Family: { from: 'person', to: 'relative', fromPhrase: 'family member', toPhrase: 'family member' },
};

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The first pass's harvest: every record that describes a target without being one, keyed by the target's id.
 * References in FtM point either way (a Sanction names its `entity`, a Person names its `addressEntity`) and
 * may come before or after their target in the file.
 */
export class Auxiliaries {
  readonly sanctions = new Map<string, SanctionFacts[]>();
  readonly addresses = new Map<string, AddressFacts>();
  readonly documents = new Map<string, IdentityDocument[]>();
  readonly links = new Map<string, Link[]>();

  /** Returns false when the record is not an auxiliary one. */
  add(e: FtmEntity): boolean {
    if (e.schema === 'Sanction') {
      const facts: SanctionFacts = {
        authority: prop(e, 'authority'),
        program: prop(e, 'program'),
        programId: prop(e, 'programId'),
        listingDate: prop(e, 'listingDate'),
        startDate: prop(e, 'startDate'),
        sourceUrl: prop(e, 'sourceUrl'),
        reason: prop(e, 'reason').map((r) => (r.length > 500 ? `${r.slice(0, 500)}…` : r)),
      };
      for (const target of prop(e, 'entity')) push(this.sanctions, target, facts);
      return true;
    }
    if (e.schema === 'Address') {
      const full =
        prop(e, 'full')[0] ?? [prop(e, 'street')[0], prop(e, 'city')[0]].filter(Boolean).join(', ');
      const facts: AddressFacts = { full };
      const city = prop(e, 'city')[0];
      const country = prop(e, 'country')[0];
      if (city) facts.city = city;
      if (country) facts.country = country.toUpperCase();
      this.addresses.set(e.id, facts);
      return true;
    }
    if (e.schema === 'Passport' || e.schema === 'Identification') {
      const number = prop(e, 'number')[0];
      const country = prop(e, 'country')[0];
      for (const holder of prop(e, 'holder')) {
        if (!number) continue;
        const doc: IdentityDocument = { schema: e.schema, number, type: prop(e, 'type')[0] ?? '' };
        if (country) doc.country = country.toUpperCase();
        push(this.documents, holder, doc);
      }
      return true;
    }
    const relation = RELATIONS[e.schema];
    if (relation) {
      const detail = [
        ...prop(e, 'role'),
        ...prop(e, 'relationship'),
        ...prop(e, 'percentage').map((p) => `${p}%`),
      ]
        .filter(Boolean)
        .join(', ');
      for (const from of prop(e, relation.from)) {
        for (const to of prop(e, relation.to)) {
          push(this.links, from, { phrase: relation.fromPhrase, other: to, ...(detail ? { detail } : {}) });
          push(this.links, to, { phrase: relation.toPhrase, other: from, ...(detail ? { detail } : {}) });
        }
      }
      return true;
    }
    return false;
  }

  /** Ids at the far end of a relation: the second pass fetches their names so remarks can say who. */
  linkedIds(): Set<string> {
    const ids = new Set<string>();
    for (const links of this.links.values()) for (const l of links) ids.add(l.other);
    return ids;
  }
}
