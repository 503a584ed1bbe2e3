export type VersionStatus = 'pending' | 'active' | 'quarantined' | 'superseded';

export interface VersionCounts {
  total: number;
  byKind: Record<string, number>;
  recordsSeen: number;
  recordsSkipped: number;
}

export interface ListVersionRow {
  sourceId: string;
  version: number;
  status: VersionStatus;
  contentHash: string;
  fetchedAt: string;
  publishedAt: string | null;
  activatedAt: string | null;
  deactivatedAt: string | null;
  counts: VersionCounts;
  warnings: string[];
  quarantineReason: string | null;
  activatedVia: ActivatedVia | null;
  /** An operator's reason for activating a quarantined or an older version. */
  activationReason: string | null;
}

/** Who made a version active: the refresh pipeline, an operator, or the tenant owning a watchlist. */
export type ActivatedVia = 'refresh' | 'operator' | 'tenant';

export type AttemptOutcome = 'activated' | 'unchanged' | 'quarantined' | 'failed';

export interface ListAttemptRow {
  sourceId: string;
  startedAt: string;
  finishedAt: string;
  outcome: AttemptOutcome;
  detail: string | null;
  version: number | null;
  location: string | null;
  etag: string | null;
  lastModified: string | null;
}

export interface DiffEntry {
  entryId: string;
  name: string;
  fields?: string[];
}
