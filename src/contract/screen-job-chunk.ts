import type { ScreenRequest } from './screening-types.ts';

/**
 * A chunk of a screen job being screened: every row of it, either a request to screen or an error known
 * beforehand. Screen jobs hand it to screening's screenMany, which passes it on to the write that commits the
 * chunk with its screenings; a leaf noun, so screening need not import screen-jobs to carry it.
 */
export interface Chunk {
  jobId: string;
  from: number;
  to: number;
  rows: { rowNo: number; reference: string | null; req?: ScreenRequest; error?: unknown }[];
}
