/**
 * The dashboard's calendar arithmetic, pure so it is tested without a database. Days are UTC calendar days:
 * officers of one tenant sit in different time zones, and the audit log's timestamps are UTC.
 */

const DAY_MS = 86_400_000;

export type Decision = 'clear' | 'review' | 'block';
export const DECISIONS: readonly Decision[] = ['clear', 'review', 'block'];

export interface DayCount {
  date: string;
  screenings: number;
  clear: number;
  review: number;
  block: number;
  reviews: number;
}

/** Midnight UTC of the first day of a window of `days` days that ends today (today included). */
export function windowStart(nowMs: number, days: number): number {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  return today - (days - 1) * DAY_MS;
}

/** One item per day from `fromMs`, zeros where the store returned nothing: a chart's x axis has no gaps. */
export function densePerDay(
  fromMs: number,
  days: number,
  rows: readonly { day: string; decision: string; n: number }[],
  reviews: readonly { day: string; n: number }[] = [],
): DayCount[] {
  const out: DayCount[] = Array.from({ length: days }, (_, i) => ({
    date: new Date(fromMs + i * DAY_MS).toISOString().slice(0, 10),
    screenings: 0,
    clear: 0,
    review: 0,
    block: 0,
    reviews: 0,
  }));
  const byDate = new Map(out.map((d) => [d.date, d]));
  for (const r of rows) {
    const d = byDate.get(r.day);
    // A decision outside the three is impossible (a CHECK constraint), but must not be added to a total silently.
    if (!d || !DECISIONS.includes(r.decision as Decision)) continue;
    d[r.decision as Decision] += r.n;
    d.screenings += r.n;
  }
  for (const r of reviews) {
    const d = byDate.get(r.day);
    if (d) d.reviews += r.n;
  }
  return out;
}

export const BACKLOG_BUCKETS = [
  { bucket: 'lt1d', label: 'under 1 day', maxDays: 1 },
  { bucket: '1to3d', label: '1 to 3 days', maxDays: 3 },
  { bucket: '3to7d', label: '3 to 7 days', maxDays: 7 },
  { bucket: 'gt7d', label: 'over 7 days', maxDays: Number.POSITIVE_INFINITY },
] as const;

export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number]['bucket'];

export interface BacklogRow {
  bucket: string;
  status: string;
  n: number;
}

/** Always the four buckets, youngest first, so an empty backlog still draws its axis. */
export function backlogOf(rows: readonly BacklogRow[]) {
  const buckets = BACKLOG_BUCKETS.map(({ bucket, label }) => ({ bucket, label, open: 0, inReview: 0 }));
  for (const r of rows) {
    const b = buckets.find((x) => x.bucket === r.bucket);
    if (!b) continue;
    if (r.status === 'open') b.open += r.n;
    else if (r.status === 'in_review') b.inReview += r.n;
  }
  return { total: buckets.reduce((t, b) => t + b.open + b.inReview, 0), buckets };
}

/** A version counts for the window when it was in use at any moment of it. */
export function inUseSince(
  v: { activatedAt: string | null; deactivatedAt: string | null },
  fromMs: number,
): boolean {
  if (!v.activatedAt) return false;
  return v.deactivatedAt === null || Date.parse(v.deactivatedAt) >= fromMs;
}
