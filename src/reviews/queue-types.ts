import type { components } from '../generated/api.ts';

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

/** A queue item as the contract (openapi.yaml QueueItem) has it, with its place in the sort for cursors. */
export type QueueRow = components['schemas']['QueueItem'] & { position: QueuePosition };

export type QueueCounts = components['schemas']['QueueCounts'];
