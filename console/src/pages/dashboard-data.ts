import type { Dashboard, DashboardList } from '../api-types.ts';

const DAY_MS = 86_400_000;

/** uPlot's time axis counts seconds; a day's point sits at its UTC midnight. */
export const daySeconds = (date: string) => Date.parse(`${date}T00:00:00Z`) / 1000;

export function sum(values: readonly number[]): number {
  return values.reduce((t, v) => t + v, 0);
}

export function volumeSummary(d: Dashboard): string {
  const total = sum(d.perDay.map((x) => x.screenings));
  const of = (k: 'clear' | 'review' | 'block') => sum(d.perDay.map((x) => x[k]));
  const busiest = d.perDay.reduce((a, b) => (b.screenings > a.screenings ? b : a), d.perDay[0]!);
  return (
    `${total} screenings in the last ${d.days} days since ${d.from}: ${of('clear')} clear, ${of('review')} review, ` +
    `${of('block')} block; ${sum(d.perDay.map((x) => x.reviews))} officer reviews.` +
    (total > 0 ? ` Busiest day ${busiest.date} with ${busiest.screenings}.` : '')
  );
}

export function rankedSummary(
  what: string,
  items: readonly { name: string; count: number }[],
  unit: string,
): string {
  if (items.length === 0) return `No ${what} in this period.`;
  const top = items
    .slice(0, 3)
    .map((i) => `${i.name} ${i.count}`)
    .join(', ');
  return `${items.length} ${what}; most ${unit}: ${top}.`;
}

export function backlogSummary(b: Dashboard['backlog']): string {
  const parts = b.buckets.map((x) => `${x.open + x.inReview} ${x.label}`).join(', ');
  return `${b.total} screenings open or in review now: ${parts}.`;
}

/**
 * Age in days of the authority's publication of the version in use at the end of each day (null where no
 * version with a publication date was in use): a falling step is a new publication, a rising line a list that
 * is getting older.
 */
export function publicationAgeByDay(
  list: DashboardList,
  dates: readonly string[],
  nowMs: number,
): (number | null)[] {
  return dates.map((date) => {
    const at = Math.min(Date.parse(`${date}T00:00:00Z`) + DAY_MS, nowMs);
    const v = list.versions.find(
      (x) =>
        Date.parse(x.activatedAt) <= at && (x.deactivatedAt === null || Date.parse(x.deactivatedAt) > at),
    );
    if (!v?.publishedAt) return null;
    return Math.max(0, Math.floor((at - Date.parse(v.publishedAt)) / DAY_MS));
  });
}

export function freshnessSummary(lists: readonly DashboardList[]): string {
  const stale = lists.filter((l) => l.stale);
  const loaded = lists.filter((l) => l.activeVersion !== null).length;
  const versions = sum(lists.map((l) => l.versions.length));
  return (
    `${lists.length} list sources, ${loaded} loaded, ${versions} versions in use during the period; ` +
    (stale.length === 0 ? 'none stale now.' : `stale now: ${stale.map((l) => l.title).join(', ')}.`)
  );
}

/** Colour-blind-safe (Okabe-Ito) for the list lines; decisions keep the console's own badge colours. */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#000000',
  '#f0e442',
];
export const DECISION_COLOURS = {
  clear: '#1a7f37',
  review: '#8a5300',
  block: '#b42318',
  total: '#1f5fbf',
  reviews: '#6f42c1',
};
