import data from './data/name-structure.json' with { type: 'json' };

/**
 * A nasab marker is one word written several ways: "Isa Ben Tarif" and "Isa Bin Tarif", "Usama ibn Ladin" and
 * "Usama bin Ladin" (lists and customers write one person's name both ways; nomenklatura's matcher benchmark
 * holds the pair). Three letters each, too short for a typo link (name-score.ts refuses those), so a marker is
 * written in one spelling (data/name-structure.json `spelledAs`) before it is scored, wherever it starts a
 * Maghrebi family name too ("BEN SOLTANE, Adel" / "Adel ben al-Azhar ben Youssef ben Soltane"). Not as a name's
 * last word, nor in a name of two words: there "Ben" is a given name ("Ben Smith") and "Bin" a Chinese one
 * ("Wang Bin").
 */
const SPELLED_AS = new Map<string, string>();
for (const m of data.nasabMarkers as { word: string; spelledAs?: string }[])
  if (m.spelledAs) SPELLED_AS.set(m.word, m.spelledAs);

export function spellMarkers(words: readonly string[]): string[] {
  if (words.length <= 2) return [...words];
  return words.map((w, i) => (i < words.length - 1 ? (SPELLED_AS.get(w) ?? w) : w));
}
