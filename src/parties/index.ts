/**
 * Counterparty matching engine: normalise (transliterate, legal forms, skeleton keys) → retrieve candidates
 * (rare-word postings, deletion-neighbourhood typo links, glued pairs, exact full names, identifiers) → score
 * (rarity-weighted two-sided name coverage, then identifiers/country/birth date/kind) → explain.
 * Pure code: no I/O.
 */

export type { BackgroundRarity } from './background-rarity.ts';
export {
  CpuBudget,
  DEFAULT_EVALUATION_BUDGET_MS,
  DEFAULT_PARTY_BUDGET_MS,
  PARTY_ALIAS_FLOOR_MS,
} from './cpu-budget.ts';
export { EntityTable } from './entity-table.ts';
export { checksumValid, normScheme, normValue } from './identifiers.ts';
export { type BuildReport, createIndexBuilder, type IndexBuilder, type IndexPart } from './index-builder.ts';
export { buildIndex, buildIndexSliced } from './match-index.ts';
export { MAX_QUERY_NAMES } from './search.ts';
export { skeleton } from './skeleton.ts';
export { runInSlices, SLICE_MS, type SliceStats, type Steps } from './slices.ts';
export { tokenizeName } from './tokenize.ts';
export { toAscii } from './translit.ts';
export * from './types.ts';
export { warmUpNameTables } from './warm-up.ts';
