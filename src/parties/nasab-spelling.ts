import data from './data/name-structure.json' with { type: 'json' };

/**
 * A nasab marker is one word written several ways: "Isa Ben Tarif" and "Isa Bin Tarif", "Usama ibn Ladin" and
 * "Usama bin Ladin" (lists and customers write one person's name both ways; nomenklatura's matcher benchmark
 * holds the pair). Three letters each, too short for a typo link (name-score.ts refuses those), so a marker is
 * written in one spelling (data/name-structure.json `spelledAs`) before it is scored. Only between two names,
 * where it is a marker: a first or last "Ben" is a given name ("Ben Smith") and "Bin" a Chinese one ("Wang Bin").
 */
const SPELLED_AS = new Map<string, string>();
for (const m of data.nasabMarkers as { word: string; spelledAs?: string }[])
  if (m.spelledAs) SPELLED_AS.set(m.word, m.spelledAs);

export function spellMarkers(words: readonly string[]): string[] {
  return words.map((w, i) => (i > 0 && i < words.length - 1 ? (SPELLED_AS.get(w) ?? w) : w));
}
