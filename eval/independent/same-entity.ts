import type { ListEntity } from '../../src/entity/list-entity.ts';
import { listUnit, namesOf, push, ref, wordKey } from './cases.ts';
import { compatible, identifierValues, strongKeys } from './identifier-keys.ts';

/**
 * Which entries are one entity, by evidence in the lists themselves and nothing else (never a match score):
 * - `identifier`: the value of a strong identifier (whatever scheme each list files it under, or stated in
 *   the UK's remarks; identifier-keys.ts) held by one entry per list unit, whose countries agree and whose
 *   entries look alike (`compatible`); followed through third entries, so A–C and C–B make A–B one entity;
 * - `ofac-uid`: the Consolidated Screening List copies OFAC's entries under OFAC's own unique id ("SDN:36056",
 *   "SSI:23577"), the same number as the entry in OFAC's SDN or non-SDN file;
 * - `un-ref`: the UK's "(UN Ref):QDi.353" names the UN entry it transposes;
 * - `birth-name`: two people with the same full birth date and one name each of the same words (any order).
 * An OFAC "Linked To:" is not used: it names an owner or an associate, another entity.
 */
export type LinkKind = 'identifier' | 'ofac-uid' | 'un-ref' | 'birth-name';

export interface SameEntity {
  /** Every entry of the entity `r` belongs to, `r` included. */
  members(r: string): readonly string[];
  /** How many unions each kind of evidence made (a union that joined two groups). */
  joined: Record<LinkKind, number>;
}

const OFAC_SOURCES = ['us-ofac-sdn', 'us-ofac-cons'];
const CSL_OFAC_ID = /^[A-Z-]+:(\d+)$/;
const UN_REF = /\(UN Ref\):\s*([A-Z]{2}[ie]\.\d+)/g;

/** Disjoint sets of entry refs. */
class Groups {
  private parent = new Map<string, string>();
  find(r: string): string {
    let root = r;
    for (let p = this.parent.get(root); p !== undefined && p !== root; p = this.parent.get(root)) root = p;
    this.parent.set(r, root);
    return root;
  }
  /** True when the two were apart. */
  union(a: string, b: string): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra, rb);
    return ra !== rb;
  }
  members(): (r: string) => string[] {
    const groups = new Map<string, string[]>();
    for (const r of this.parent.keys()) push(groups, this.find(r), r);
    return (r) => groups.get(this.find(r)) ?? [r];
  }
}

export function sameEntity(entities: readonly ListEntity[]): SameEntity {
  const groups = new Groups();
  const joined: Record<LinkKind, number> = { identifier: 0, 'ofac-uid': 0, 'un-ref': 0, 'birth-name': 0 };
  const union = (a: ListEntity, b: ListEntity, how: LinkKind) => {
    if (!compatible(a, b)) return;
    if (groups.union(ref(a), ref(b))) joined[how]++;
  };
  const byRef = new Map(entities.map((e) => [ref(e), e]));
  for (const e of entities) groups.find(ref(e));

  // Countries are those the identifiers state; a remark-stated number has none.
  const byKey = new Map<string, { e: ListEntity; country?: string }[]>();
  for (const e of entities) {
    const countries = new Map<string, string>();
    for (const id of e.identifiers) {
      const [key] = strongKeys({ ...e, identifiers: [id] });
      if (key && id.country) countries.set(key.slice(key.indexOf(':') + 1), id.country);
    }
    for (const v of identifierValues(e)) {
      const country = countries.get(v);
      push(byKey, v, country ? { e, country } : { e });
    }
  }
  for (const holders of byKey.values()) {
    const units = holders.map((h) => listUnit(h.e));
    // Two entries of one list sharing the value: an agent's number or a family passport, not one identity.
    if (new Set(units).size < new Set(holders.map((h) => ref(h.e))).size) continue;
    for (const x of holders)
      for (const y of holders)
        if (x !== y && !(x.country && y.country && x.country !== y.country)) union(x.e, y.e, 'identifier');
  }

  for (const e of entities) {
    if (e.source === 'us-csl') {
      const uid = CSL_OFAC_ID.exec(e.entryId)?.[1];
      for (const s of OFAC_SOURCES) {
        const o = uid ? byRef.get(`${s}/${uid}`) : undefined;
        if (o) union(e, o, 'ofac-uid');
      }
    }
    for (const m of (e.remarks ?? '').matchAll(UN_REF)) {
      const un = byRef.get(`un-sc/${m[1]}`);
      if (un) union(e, un, 'un-ref');
    }
  }

  const byBirthName = new Map<string, ListEntity[]>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const keys = new Set(
      namesOf(e)
        .map(wordKey)
        .filter((k) => k.includes(' ')),
    );
    for (const d of e.birthDates)
      if (d.length === 10) for (const k of keys) push(byBirthName, `${d}|${k}`, e);
  }
  for (const es of byBirthName.values())
    for (const x of es) for (const y of es) if (listUnit(x) !== listUnit(y)) union(x, y, 'birth-name');

  return { members: groups.members(), joined };
}
