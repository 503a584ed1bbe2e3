import { readTable } from './data-table.ts';
import { skeleton } from './skeleton.ts';

/**
 * Generic words of organisation names written in several ways ("Airlines"/"Air"/"Airways", "Intl"/
 * "International", "Bros"/"Brothers", "and"/"und"/"et"): data/org-words.csv puts each written form in the
 * group of one canonical word. A query word links to the other forms of its group (prepare-query.ts), a
 * little below an equal word. Names themselves are not rewritten: a typo ("Ailrines") or a glued pair
 * ("BakeriIndustrial") must still meet the list's own spelling.
 */
const GROUPS = new Map<string, Set<string>>();
const FORMS = new Map<string, Set<string>>();
for (const row of readTable('org-words.csv')) {
  const canonical = row.canonical ?? '';
  const form = skeleton(row.word ?? '');
  if (!canonical || !form) continue;
  const group = GROUPS.get(canonical) ?? new Set<string>([skeleton(canonical)]);
  group.add(form);
  GROUPS.set(canonical, group);
}
for (const group of GROUPS.values()) {
  for (const form of group) {
    const others = FORMS.get(form) ?? new Set<string>();
    for (const g of group) if (g !== form) others.add(g);
    FORMS.set(form, others);
  }
}

const NONE: ReadonlySet<string> = new Set();

/** Skeletons of the other spellings of a generic organisation word (empty for any other word). */
export function orgWordForms(skel: string): ReadonlySet<string> {
  return FORMS.get(skel) ?? NONE;
}
