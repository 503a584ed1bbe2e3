import { hitSources } from '../contract/list-hits.ts';
import type { ScreeningRow } from '../screening/screening-store.ts';
import { deriveState } from './review-status.ts';

/** A screening entering the triage queue, with its supersession links inside its own batch. */
export interface QueueEntry {
  screeningId: string;
  tenantId: string;
  screenedAt: string;
  reference: string | null;
  decision: 'review' | 'block';
  /** The lists it has hits of (isListHit): the queue's list filter, which a stale list's note must not fill. */
  sources: string[];
  partyNames: string;
  /** The previous screening of the reference in the same batch; the first of a batch links to the stored one. */
  supersedes: string | null;
  /** The next screening of the reference in the same batch: this entry is stored already closed. */
  supersededBy: string | null;
  /** When that next screening was made (the moment this entry closed). */
  supersededAt: string | null;
  /** First of its reference in the batch: it closes (and inherits the assignee of) the stored open item. */
  firstOfReference: boolean;
}

/** The first screening of each reference in a batch: it supersedes whatever item of that reference is open. */
export interface QueueSupersession {
  tenantId: string;
  reference: string;
  screeningId: string;
  screenedAt: string;
}

/**
 * What a batch of new screenings does to the queue (pure, so it is tested without a database). A newer
 * screening of a reference supersedes the older whatever its own decision: a re-screen that comes back clear
 * closes the item it replaces, and only a screening that needs an officer enters the queue itself.
 */
export function planQueue(rows: readonly ScreeningRow[]): {
  entries: QueueEntry[];
  supersessions: QueueSupersession[];
} {
  const byReference = new Map<string, ScreeningRow[]>();
  for (const r of rows) {
    if (r.reference === null || r.reference === '') continue;
    const key = `${r.tenantId}\u0000${r.reference}`;
    byReference.set(key, [...(byReference.get(key) ?? []), r]);
  }
  const supersessions: QueueSupersession[] = [];
  const links = new Map<string, { previous: string | null; next: ScreeningRow | null }>();
  for (const group of byReference.values()) {
    const first = group[0]!;
    supersessions.push({
      tenantId: first.tenantId,
      reference: first.reference!,
      screeningId: first.id,
      screenedAt: first.screenedAt,
    });
    group.forEach((r, i) => {
      links.set(r.id, { previous: group[i - 1]?.id ?? null, next: group[i + 1] ?? null });
    });
  }
  const entries: QueueEntry[] = [];
  for (const r of rows) {
    // The same rule as the review-state projection: a screening waits while a finding needs a disposition.
    if (r.decision === 'clear' || deriveState(r.result, []).status === 'resolved') continue;
    const link = links.get(r.id);
    entries.push({
      screeningId: r.id,
      tenantId: r.tenantId,
      screenedAt: r.screenedAt,
      reference: r.reference,
      decision: r.decision as 'review' | 'block',
      sources: hitSources(r.result.findings),
      partyNames: r.partyNames,
      supersedes: link?.previous ?? null,
      supersededBy: link?.next?.id ?? null,
      supersededAt: link?.next?.screenedAt ?? null,
      firstOfReference: link !== undefined && link.previous === null,
    });
  }
  return { entries, supersessions };
}
