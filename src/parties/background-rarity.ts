import { type IndexData, idf } from './index-data.ts';

/**
 * How common each word is in a larger body of names than an index's own. A tenant's watchlist of a handful of
 * entries is too small to tell a rare word from a common one: alone in its index every word of an entry is as
 * rare as every other, so a generic or a seat word ("trading", "London", "FSUE") weighs as much as the name's
 * own ("Atomflot"), and a customer name with one such word more misses its listed entry while the same pair
 * matches against the whole lists. With a background (the shared lists' index) the small index weighs words by
 * their rarity over both.
 */
export interface BackgroundRarity {
  /** Names in the background. */
  names: number;
  /** Names of the background holding this token (an index's vocabulary string: a skeleton). */
  df(token: string): number;
}

/** The rarity of an index's words, as a background for other indexes. */
export function rarityOf(d: IndexData): BackgroundRarity {
  return {
    names: d.nameEntity.length,
    df: (token) => {
      const v = d.vocabMap.get(token);
      return v === undefined ? 0 : d.df[v]!;
    },
  };
}

/**
 * A word's weight by rarity: over the index's own names, plus the background's when there is one. `df` counts
 * the index's names holding the word (at least 1 for a query word the index lacks: as rare as it gets).
 */
export function rarity(df: number, names: number, token: string, background?: BackgroundRarity): number {
  if (!background) return idf(df, names);
  return idf(df + background.df(token), names + background.names);
}
