import table from './data/translit/japanese-names.json' with { type: 'json' };

/**
 * Japanese names in kanji (山田太郎, Yamada Taro): any-ascii reads each character in Mandarin ("shan tian tai
 * lang"), and a kanji's Japanese reading depends on the name it is in (田 is "ta" in Tanaka, "da" in Yamada), so no
 * per-character table gives it. Whole family and given names are read from data/translit/japanese-names.json: a
 * run of Han characters that is wholly a listed family name followed by a listed given name is split there
 * (segment.ts, on list names and queries alike), and the query side reads each part in Hepburn (readings.ts).
 */
// Maps, not the JSON objects: a word of any name is looked up ("constructor" must not find Object's).
const SURNAMES = new Map<string, string>(Object.entries(table.surnames));
const GIVEN = new Map<string, string>(Object.entries(table.givenNames));
const MAX_PART = 3;

/** The run split as family name + given name when both are in the table and one has 2+ characters. */
export function japaneseNameParts(run: string): [string, string] | undefined {
  const chars = [...run];
  for (let n = Math.min(MAX_PART, chars.length - 1); n >= 1; n--) {
    const family = chars.slice(0, n).join('');
    const given = chars.slice(n).join('');
    if (chars.length - n > MAX_PART) break;
    if (SURNAMES.has(family) && GIVEN.has(given) && chars.length > 2) return [family, given];
  }
  return undefined;
}

/** The Hepburn reading of a Japanese family or given name written in kanji, or undefined. */
export function japaneseReading(name: string): string | undefined {
  return SURNAMES.get(name) ?? GIVEN.get(name);
}
