import type { Finding, Party } from '../contract/screening-types.ts';
import { partyFindings } from './party-findings.ts';
import type { WatchlistIndex } from './screening-deps.ts';

/**
 * Party matches against the tenant's own watchlists, each searched through its own small index: the shared
 * index never holds any tenant's entries. A list is searched when the request's include/exclude allow it.
 */
export function watchlistFindings(
  watchlists: readonly WatchlistIndex[],
  parties: Party[],
  o: { reviewThreshold: number; blockThreshold: number; sourceAllowed: (id: string) => boolean },
): Finding[] {
  return watchlists
    .filter((l) => o.sourceAllowed(l.sourceId))
    .flatMap((l) =>
      partyFindings(l.index, parties, {
        reviewThreshold: o.reviewThreshold,
        blockThreshold: o.blockThreshold,
        sourceAllowed: () => true,
        sourceTitle: () => `watchlist “${l.name}”`,
      }),
    );
}
