import { readTable } from './data-table.ts';
import type { IndexData } from './index-data.ts';
import { skeleton } from './skeleton.ts';

/**
 * A Russian or Ukrainian organisation is often named by the adjective of its town, and lists translate one and
 * keep the other: the UK's "KAMENSK-URAL METALLURGICAL PLANT" is "Kamensk-Uralsky Metallurgical Works",
 * OFAC's "ZELENOGRAD NANOTECHNOLOGY CENTER" the EU's "Zelenogradsky…", "VOTKINSKIY ZAVOD" the "Votkinsk…
 * Plant". The adjective is the town's name, or its stem before "-sk", with "-sk" and an ending of one gender
 * and case (-iy/-y, -aya, -oye/-oe, -ogo…; data/place-adjectives.csv). Three edits apart ("Zelenograd"/
 * "Zelenogradsky"), no typo allowance links them; a town's name and its adjective are the same word in another
 * form, a notch below an equal word. Organisations only: a person's "-ski" name ("Kowal"/"Kowalski") is
 * another family name.
 */
export const PLACE_FORM_SIM = 0.9;
/** Letters of the stem before "-sk" (skeleton): "ural", "amur"; shorter stems ("tul", "ru") are other words. */
const MIN_STEM = 4;

const ENDINGS = [
  ...new Set(readTable('place-adjectives.csv').map((r) => skeleton(`ab${r.ending ?? ''}`).slice(2))),
]
  .filter((e) => e !== '')
  .sort((a, b) => b.length - a.length);

/** The stem before "-sk" + ending ('' when too short to tell), or null when the word is no such adjective. */
function adjectiveStem(skel: string): string | null {
  for (const e of ENDINGS) {
    const cut = skel.length - e.length - 2;
    if (cut >= 0 && skel.endsWith(e) && skel.startsWith('sk', cut))
      return cut >= MIN_STEM ? skel.slice(0, cut) : '';
  }
  return null;
}

/** Skeletons of the town's name and its adjective's other forms (empty for a word that is neither). */
export function placeForms(skel: string): string[] {
  const stem = adjectiveStem(skel);
  if (stem === '') return [];
  const forms = new Set<string>();
  if (stem !== null) {
    // The town: "ural" (Uralsky), "votkinsk" (Votkinskiy); a doubled s is one in a skeleton (Arzamas-skoe).
    forms.add(stem);
    forms.add(`${stem}sk`);
    if (!stem.endsWith('s')) forms.add(`${stem}s`);
  }
  // Not "Zelenograd" → "Zelenogradsk": another town; only the adjective names both.
  // "Skanska": a word with "-sk" inside is no town's name to make an adjective of.
  if (stem === null && skel.slice(0, -2).includes('sk')) return [];
  const base = stem ?? (skel.endsWith('sk') ? skel.slice(0, -2) : skel);
  if (base.length >= MIN_STEM) for (const e of ENDINGS) forms.add(`${base}sk${e}`);
  forms.delete(skel);
  return [...forms];
}

/** Vocabulary ids of the list words that are another form of this word as a town or its adjective. */
export function placeFormLinks(d: IndexData, skel: string): Map<number, number> | undefined {
  let out: Map<number, number> | undefined;
  for (const form of placeForms(skel)) {
    const v = d.vocabMap.get(form);
    if (v === undefined || d.df[v]! === 0) continue;
    out ??= new Map();
    out.set(v, 1);
  }
  return out;
}
