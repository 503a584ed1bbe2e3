import type { EntityKind } from '../entity/list-entity.ts';
import type { BackgroundRarity } from './background-rarity.ts';
import type { CpuBudget } from './cpu-budget.ts';
import type { Steps } from './slices.ts';

/** The party the API screens: what a bank or exporter knows about its counterparty. */
export interface PartyQuery {
  kind?: 'organization' | 'person' | 'vessel' | 'unknown';
  name: string;
  aliases?: string[];
  /** ISO 3166-1 alpha-2. */
  country?: string;
  identifiers?: { scheme: string; value: string; country?: string }[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string;
}

export type Band = 'block' | 'review' | 'below';

export interface Thresholds {
  review: number;
  block: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { review: 0.8, block: 0.95 };

export interface SearchOptions {
  thresholds?: Partial<Thresholds>;
  /** Lowest score returned; defaults to the review threshold. */
  minScore?: number;
  /** Most hits returned, best first; default 20. */
  limit?: number;
  /** Stop when spent and return the hits found so far; `budget.cutShort` then says the search was cut. */
  budget?: CpuBudget;
}

/**
 * One evidence part. `score` is how well that field agrees (null when one side does not know it);
 * `effect` is how much it moved the final score (0 for the name, which is the base).
 */
export interface EvidencePart {
  score: number | null;
  effect: number;
  detail: string;
}

export interface Evidence {
  name: EvidencePart;
  identifiers: EvidencePart;
  country: EvidencePart;
  birthDate: EvidencePart;
  kind: EvidencePart;
}

export interface Hit {
  score: number;
  band: Band;
  source: string;
  entryId: string;
  kind: EntityKind;
  /** The entry's primary name. */
  name: string;
  /** Which of the entry's names matched best (primary or an alias). */
  matchedName: string;
  /** Which of the query's names (name or alias) produced the match. */
  queryName: string;
  evidence: Evidence;
  programs: string[];
  listedOn?: string;
  url?: string;
}

export interface IndexStats {
  entities: number;
  names: number;
  vocabulary: number;
  glueKeys: number;
  postings: number;
  deletionKeys: number;
  identifiers: number;
  /** Approximate bytes held by the index itself (typed arrays + interned strings), not the entities. */
  approxBytes: number;
  buildMs: number;
}

export interface MatchIndex {
  search(query: PartyQuery, options?: SearchOptions): Hit[];
  /** Scores every loaded name without the inverted index; the reference the recall test compares against. */
  fullScan(query: PartyQuery, options?: SearchOptions): Hit[];
  stats(): IndexStats;
  /** Its words' rarity, as the background of a small index (background-rarity.ts: a tenant's watchlist). */
  rarity(): BackgroundRarity;
  /**
   * Computes this index's query memos for the `most` keys each memo last served on `previous` (index-memo.ts),
   * before this index replaces it; the answers are the same warmed or not, only cheaper right after the swap.
   * Returns how many keys it computed.
   */
  warmFrom(previous: MatchIndex, most: number): Steps<number>;
}
