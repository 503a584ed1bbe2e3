/** The triage queue's shapes, shared by its store, cursor and service (no I/O here). */
export type QueueSort = 'oldest' | 'newest' | 'severity';

/** The officer's filters of GET /queue (all optional, combined with AND). */
export interface QueueFilter {
  decision?: 'review' | 'block';
  source?: string;
  olderThanHours?: number;
  overdue?: boolean;
  assignee?: string;
  claimed?: boolean;
  partyName?: string;
}

/** A row's place in a sort order: what a cursor carries. */
export interface QueuePosition {
  at: string;
  id: string;
  severity: number;
}

export interface QueueRow {
  screeningId: string;
  reference: string | null;
  decision: 'review' | 'block';
  screenedAt: string;
  reviewStatus: 'open' | 'in_review' | 'resolved';
  state: 'open' | 'resolved' | 'superseded';
  partyNames: string[];
  topFinding: string | null;
  sources: string[];
  assignee: string | null;
  assignedAt: string | null;
  ageHours: number;
  overdue: boolean;
  supersedes: string | null;
  supersededBy: string | null;
  closedAt: string | null;
  position: QueuePosition;
}

export interface QueueCounts {
  open: number;
  inReview: number;
  claimed: number;
  unclaimed: number;
  overdue: number;
  byDecision: { review: number; block: number };
}
