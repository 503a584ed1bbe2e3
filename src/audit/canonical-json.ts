/**
 * Canonical forms of frozen values: a frozen object cannot change, so it is written once however many screenings
 * embed it (every result carries the same list versions and policy).
 */
const frozenForms = new WeakMap<object, string>();

/** Text already in canonical form, embedded as it is (a payload serialised once for both its hash and its row). */
export class CanonicalText {
  constructor(readonly text: string) {}
}

/** JSON with object keys sorted at every level, so a hash does not depend on how a row was stored (jsonb reorders). */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof CanonicalText) return value.text;
  const frozen = Object.isFrozen(value);
  if (frozen) {
    const known = frozenForms.get(value);
    if (known !== undefined) return known;
  }
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    out += ']';
  } else {
    const o = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, the order the hashes have always used.
    const keys = Object.keys(o).sort();
    out = '{';
    for (const k of keys) {
      const v = o[k];
      if (v === undefined) continue;
      out += (out.length === 1 ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v);
    }
    out += '}';
  }
  if (frozen) frozenForms.set(value, out);
  return out;
}

/** Deep-freezes a value that many screenings share, so canonicalJson writes it once. */
export function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) freezeDeep(v);
    Object.freeze(value);
  }
  return value;
}
