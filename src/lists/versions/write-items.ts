import { createHash } from 'node:crypto';
import { canonicalJson } from '../../audit/canonical-json.ts';
import type { PoolClient } from '../../db/pool.ts';
import type { ParseReport } from '../../entity/list-entity.ts';
import type { ListItem } from '../../entity/versioned-source.ts';
import { missingFields } from './guardrails.ts';
import type { VersionStore } from './version-store.ts';
import type { VersionCounts } from './version-types.ts';

const BATCH = 1000;

/** The content hash of one item: the key its blob is shared under across versions, and what a diff compares. */
export const itemHash = (data: unknown): string =>
  createHash('sha256').update(canonicalJson(data)).digest('hex');

/**
 * Writes the items of a pending version in batches and counts them. Shared by list refreshes and tenants'
 * watchlist uploads so both store, dedupe and count items the same way (and diff the same way later).
 */
export async function writeVersionItems(
  client: PoolClient,
  store: VersionStore,
  sourceId: string,
  version: number,
  items: AsyncIterable<ListItem & { kind: string }> | Iterable<ListItem & { kind: string }>,
  report: ParseReport,
): Promise<{ counts: VersionCounts; incomplete: string[] }> {
  const counts: VersionCounts = { total: 0, byKind: {}, recordsSeen: 0, recordsSkipped: 0 };
  const incomplete: string[] = [];
  const seen = new Set<string>();
  let batch: { entryId: string; hash: string; json: string }[] = [];
  for await (const item of items) {
    const missing = missingFields(item);
    if (missing.length > 0) incomplete.push(`${item.entryId || '?'}: ${missing.join(', ')}`);
    if (seen.has(item.entryId)) {
      report.warnings.push(`duplicate entry id ${item.entryId}: later record ignored`);
      report.recordsSkipped++;
      continue;
    }
    seen.add(item.entryId);
    const json = canonicalJson(item.data);
    batch.push({ entryId: item.entryId, hash: createHash('sha256').update(json).digest('hex'), json });
    counts.total++;
    counts.byKind[item.kind] = (counts.byKind[item.kind] ?? 0) + 1;
    if (batch.length >= BATCH) {
      await store.insertItems(client, sourceId, version, batch);
      batch = [];
    }
  }
  await store.insertItems(client, sourceId, version, batch);
  counts.recordsSeen = report.recordsSeen;
  counts.recordsSkipped = report.recordsSkipped;
  return { counts, incomplete };
}
