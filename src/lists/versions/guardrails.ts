import type { ListItem } from '../../entity/versioned-source.ts';
import type { VersionCounts } from './version-types.ts';

export interface GuardrailInput {
  counts: VersionCounts;
  /** Items missing a field every consumer relies on, as "<entryId>: <field>". */
  incomplete: string[];
  activeTotal: number | undefined;
  maxDropShare: number;
  maxSkippedShare: number;
}

/**
 * Reasons to keep a parsed version out of use. A bank trusts a screening only as far as the list was complete:
 * a file with records the parser could not map, a sudden fall in entries, or entries without names stay in
 * quarantine until an admin has looked at them.
 */
export function guardrailViolations(g: GuardrailInput): string[] {
  const reasons: string[] = [];
  if (g.counts.total === 0) reasons.push('the file yielded no entries');
  // Authorities do publish the odd exact duplicate row; a tiny, reported share of skips is not a damaged file.
  if (g.counts.recordsSkipped > g.counts.recordsSeen * g.maxSkippedShare) {
    reasons.push(
      `${g.counts.recordsSkipped} of ${g.counts.recordsSeen} records could not be read (see warnings)`,
    );
  }
  if (g.activeTotal !== undefined && g.activeTotal > 0) {
    const drop = (g.activeTotal - g.counts.total) / g.activeTotal;
    if (drop > g.maxDropShare) {
      reasons.push(
        `entry count fell from ${g.activeTotal} to ${g.counts.total} (${Math.round(drop * 100)}%, limit ${Math.round(g.maxDropShare * 100)}%)`,
      );
    }
  }
  if (g.incomplete.length > 0) {
    reasons.push(
      `${g.incomplete.length} entries lack required fields, e.g. ${g.incomplete.slice(0, 3).join('; ')}`,
    );
  }
  return reasons;
}

export function missingFields(item: ListItem): string[] {
  const missing: string[] = [];
  if (!item.entryId) missing.push('entryId');
  if (!item.name?.trim()) missing.push('name');
  return missing;
}
