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
  return canonicalAt(value, 0);
}

// One scratch array of keys per nesting depth: Object.keys().sort() allocated a key array and sort's own
// buffers for every object of every result, ~7 KB per screening. Most objects have a handful of keys, and an
// insertion sort compares UTF-16 code units exactly as the default sort does.
const keysAt: string[][] = [];

function sortedKeys(o: Record<string, unknown>, depth: number): string[] {
  let keys = keysAt[depth];
  if (!keys) {
    keys = [];
    keysAt[depth] = keys;
  }
  keys.length = 0;
  for (const k in o) if (Object.hasOwn(o, k)) keys.push(k);
  if (keys.length > 16) return keys.sort();
  for (let j = 1; j < keys.length; j++) {
    const k = keys[j]!;
    let i = j;
    while (i > 0 && keys[i - 1]! > k) {
      keys[i] = keys[i - 1]!;
      i--;
    }
    keys[i] = k;
  }
  return keys;
}

function canonicalAt(value: unknown, depth: number): string {
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
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalAt(value[i], depth + 1);
    out += ']';
  } else {
    const o = value as Record<string, unknown>;
    const keys = sortedKeys(o, depth);
    out = '{';
    // By index: the nested calls below use the scratch arrays of deeper levels, never this one.
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = o[k];
      if (v === undefined) continue;
      out += (out.length === 1 ? '' : ',') + JSON.stringify(k) + ':' + canonicalAt(v, depth + 1);
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
