import type { components } from '../generated/api.ts';

export type ScreenJob = components['schemas']['ScreenJob'];
export type ScreenJobResultLine = components['schemas']['ScreenJobResultLine'];
export type JobFormat = 'csv' | 'ndjson';

/** The queue's job data names the job only: the rows, the tenant and the key are read when it runs. */
export interface ScreenJobTask {
  jobId: string;
}

export const SCREEN_JOBS_QUEUE = 'screen-jobs';
export const MAX_ROWS = 1_000_000;
/** Rows screened per transaction: one progress commit per chunk, small enough that a rerun repeats little. */
export const CHUNK_ROWS = 500;

export interface JobRow {
  id: string;
  tenantId: string;
  apiKeyId: string;
  format: JobFormat;
  csvHeader: string[] | null;
  status: ScreenJob['status'];
  rowsTotal: number;
  rowsDone: number;
  counts: { clear: number; review: number; block: number; error: number };
  error: string | null;
  callbackUrl: string | null;
  callbackSecret: string | null;
  callbackStatus: 'pending' | 'delivered' | 'failed' | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One row's outcome as stored: a screening by reference, or the problem that kept the row from being screened. */
export interface RowResult {
  rowNo: number;
  reference: string | null;
  screeningId: string | null;
  decision: string | null;
  strongest: unknown;
  error: unknown;
}

export function jobView(j: JobRow): ScreenJob {
  return {
    id: j.id,
    status: j.status,
    format: j.format,
    rowsTotal: j.rowsTotal,
    rowsDone: j.rowsDone,
    counts: j.counts,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
    callbackUrl: j.callbackUrl,
    callbackStatus: j.callbackStatus,
    error: j.error,
  };
}
