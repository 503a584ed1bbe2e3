import { readTable } from './data-table.ts';
import { skeleton } from './skeleton.ts';

/**
 * East Slavic, Bulgarian and Polish family names agree with the bearer's sex: "KUZNETSOVA" is a woman of the
 * Kuznetsov family, "KUZNETSOV" a man, "Kowalska" and "Kowalski" the same (data/surname-gender.csv). One letter
 * apart, an edit link takes them for one name misspelt, and a clean "KUZNETSOVA, Nikola" alerted at 0.81 on a
 * listed "Nikolay Anatolevich KUZNETSOV" (eval:match --set variants). Two forms of one family name are two people
 * (a wife, a sister, a daughter), as a nisba makes another name (name-structure.ts): name-score.ts does not link them
 * in a person's name. Compared as skeletons (skeleton.ts), on both sides.
 */
const MIN_STEM = 3;
const FORMS: [string, string][] = [];
for (const row of readTable('surname-gender.csv')) {
  const pair: [string, string] = [skeleton(row.masculine ?? ''), skeleton(row.feminine ?? '')];
  if (pair[0] && pair[1] && !FORMS.some(([m, f]) => m === pair[0] && f === pair[1])) FORMS.push(pair);
}

const formsOf = (masc: string, fem: string, m: string, f: string) =>
  masc.length - m.length >= MIN_STEM &&
  masc.endsWith(m) &&
  fem.endsWith(f) &&
  masc.slice(0, masc.length - m.length) === fem.slice(0, fem.length - f.length);

/** The two skeletons are one family name's masculine and feminine forms, in either order. */
export function genderForms(a: string, b: string): boolean {
  for (const [m, f] of FORMS) if (formsOf(a, b, m, f) || formsOf(b, a, m, f)) return true;
  return false;
}
