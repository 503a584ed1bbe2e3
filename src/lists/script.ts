import type { Script } from '../entity/list-entity.ts';

/** The dominant script of a name, by counting letters; used to tag aliases, not to pick a transliteration. */
export function detectScript(text: string): Script {
  const counts: Record<Script, number> = { Latn: 0, Cyrl: 0, Grek: 0, Arab: 0, Hani: 0, Hang: 0, Other: 0 };
  for (const ch of text) {
    if (/\p{Script=Latin}/u.test(ch)) counts.Latn++;
    else if (/\p{Script=Cyrillic}/u.test(ch)) counts.Cyrl++;
    else if (/\p{Script=Greek}/u.test(ch)) counts.Grek++;
    else if (/\p{Script=Arabic}/u.test(ch)) counts.Arab++;
    else if (/\p{Script=Han}/u.test(ch)) counts.Hani++;
    else if (/\p{Script=Hangul}/u.test(ch)) counts.Hang++;
    else if (/\p{L}/u.test(ch)) counts.Other++;
  }
  let best: Script = 'Latn';
  let max = 0;
  for (const [script, n] of Object.entries(counts) as [Script, number][]) {
    if (n > max) {
      best = script;
      max = n;
    }
  }
  return best;
}
