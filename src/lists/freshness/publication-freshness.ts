/**
 * Freshness by the authority's own publication date, not by when we last fetched: a file fetched this morning
 * that the authority published two years ago (or stopped publishing) is not fresh, and an officer must see it.
 * The limits are a product judgement per source, kept as data beside this file with the cadence each is based on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface PublicationLimit {
  sourceId: string;
  maxAgeDays: number;
  cadence: string;
}

const DAY_MS = 86_400_000;

function readLimits(): Map<string, PublicationLimit> {
  const text = readFileSync(resolve(import.meta.dirname, 'publication-limits.csv'), 'utf8');
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const out = new Map<string, PublicationLimit>();
  for (const r of rows) {
    const maxAgeDays = Number(r.max_age_days);
    // A broken row must fail at start, not quietly leave a source without a limit.
    if (!r.source_id || !Number.isInteger(maxAgeDays) || maxAgeDays <= 0)
      throw new Error(`publication-limits.csv: bad row ${JSON.stringify(r)}`);
    out.set(r.source_id, { sourceId: r.source_id, maxAgeDays, cadence: r.cadence ?? '' });
  }
  return out;
}

export const PUBLICATION_LIMITS: ReadonlyMap<string, PublicationLimit> = readLimits();

export interface PublicationFreshness {
  stale: boolean;
  /** Why the version counts as stale, in words an officer can act on; absent when fresh or not judged. */
  reason?: string;
}

/**
 * Judges one version. Sources without a limit (tenant watchlists, control tables) and versions whose format
 * carries no publication date are not judged here: fetch-based staleness still applies to them.
 */
export function publicationFreshness(
  sourceId: string,
  publishedAt: string | null,
  nowMs: number,
  limits: ReadonlyMap<string, PublicationLimit> = PUBLICATION_LIMITS,
): PublicationFreshness {
  const limit = limits.get(sourceId);
  const published = publishedAt ? Date.parse(publishedAt) : Number.NaN;
  if (!limit || Number.isNaN(published)) return { stale: false };
  const ageDays = Math.floor((nowMs - published) / DAY_MS);
  if (ageDays <= limit.maxAgeDays) return { stale: false };
  return {
    stale: true,
    reason: `published ${publishedAt!.slice(0, 10)}, ${ageDays} days ago; this source is expected ${limit.cadence}, so more than ${limit.maxAgeDays} days means updates were probably missed`,
  };
}
