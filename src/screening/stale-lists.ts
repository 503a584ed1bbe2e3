import type { Finding, ListVersionRef } from '../contract/screening-types.ts';
import { publicationFreshness } from '../lists/freshness/publication-freshness.ts';

/**
 * A list used at a version the authority published too long ago still screened this transaction (old data is
 * better than none, and the decision stands), but the record must say so: an `info` finding names the source
 * and why it is stale, so an officer or auditor reading a `clear` knows what it rested on.
 */
export function staleListFindings(
  refs: readonly ListVersionRef[],
  titles: ReadonlyMap<string, string>,
  now: number,
): Finding[] {
  const out: Finding[] = [];
  for (const ref of refs) {
    if (ref.status !== 'used') continue;
    const f = publicationFreshness(ref.source, ref.publishedAt ?? null, now);
    if (!f.stale) continue;
    out.push({
      id: `list_coverage:${ref.source}:stale`,
      kind: 'list_coverage',
      severity: 'info',
      source: ref.source,
      reason: `The ${titles.get(ref.source) ?? ref.source} used is stale: ${f.reason}.`,
    });
  }
  return out;
}
