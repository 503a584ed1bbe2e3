import { readTable } from './data-table.ts';
import { skeleton } from './skeleton.ts';

/**
 * Given names and their short forms (Bill/William, Bob/Robert, Sasha/Aleksandr), from data/nicknames.csv:
 * skeleton of a name → skeletons of the names it is a short form of, and of its own short forms. One step
 * only: "Bill" reaches "William" and "Robert", not the other short forms of those. Persons only (see
 * prepare-query.ts): "Bob" in a company name is a name, not Robert.
 */
const FORMS = new Map<string, Set<string>>();
const link = (a: string, b: string) => {
  const set = FORMS.get(a) ?? new Set<string>();
  set.add(b);
  FORMS.set(a, set);
};
for (const row of readTable('nicknames.csv')) {
  const name = skeleton(row.name ?? '');
  const nick = skeleton(row.nickname ?? '');
  if (!name || !nick || name === nick) continue;
  link(name, nick);
  link(nick, name);
}

const NONE: ReadonlySet<string> = new Set();

export function nameForms(skel: string): ReadonlySet<string> {
  return FORMS.get(skel) ?? NONE;
}
