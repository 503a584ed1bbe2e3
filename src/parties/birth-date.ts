import type { ListEntity } from '../entity/list-entity.ts';
import { DOB, DOB_RANGE_MAX_YEARS, type DobGrade, signed } from './evidence-weights.ts';
import type { EvidencePart } from './types.ts';

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date split into numbers; month and day null when not given. */
interface Ymd {
  text: string;
  y: number;
  m: number | null;
  d: number | null;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseYmd(text: string): Ymd | null {
  const m = DATE.exec(text.trim());
  if (!m) return null;
  return { text: m[0], y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null };
}

/** One digit changed or two neighbouring digits swapped: how a year is mistyped. */
function yearTypo(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  const diff = [...x].flatMap((c, i) => (c === y[i] ? [] : [i]));
  if (diff.length === 1) return true;
  return (
    diff.length === 2 &&
    diff[1] === diff[0]! + 1 &&
    x[diff[0]!] === y[diff[1]!] &&
    x[diff[1]!] === y[diff[0]!]
  );
}

/** Compares at the precision both dates have: a listed "1969" agrees with "1969-04-25" as far as it goes. */
function grade(q: Ymd, l: Ymd): DobGrade {
  if (q.y === l.y) {
    if (q.m === null || l.m === null) return 'sameYear';
    if (q.m === l.m) {
      if (q.d === null || l.d === null) return 'sameMonth';
      return q.d === l.d ? 'exact' : 'dayDiffers';
    }
    return q.d !== null && q.d === l.m && q.m === l.d ? 'swapped' : 'monthDiffers';
  }
  const gap = Math.abs(q.y - l.y);
  if (gap === 1) return 'oneYear';
  if (gap === 2) return 'twoYears';
  if (q.d !== null && q.m === l.m && q.d === l.d && yearTypo(q.y, l.y)) return 'yearTypo';
  return gap <= 5 ? 'fewYears' : 'farApart';
}

const WHAT: Record<DobGrade, string> = {
  exact: 'same date',
  sameMonth: 'same year and month',
  sameYear: 'same year',
  inRange: 'inside the listed range',
  swapped: 'day and month swapped',
  oneYear: '1 year apart',
  dayDiffers: 'same month, another day',
  yearTypo: 'same day and month, year one digit off',
  twoYears: '2 years apart',
  monthDiffers: 'same year, another month',
  fewYears: '',
  farApart: '',
};

/** Non-person kinds have no birth date; a listed date on them is a founding or build date, not comparable. */
function personOnly(queryKind: string | null, entry: ListEntity): boolean {
  return (
    (queryKind === null || queryKind === 'person') && (entry.kind === 'person' || entry.kind === 'unknown')
  );
}

/**
 * Grades the query's birth date against every date the entry lists (aliases' dates, alternatives, both ends of
 * a range) and keeps the best agreement: an entry listing "1951" and "1953" does not contradict 1952.
 */
export function compareBirthDate(dob: string | null, queryKind: string | null, e: ListEntity): EvidencePart {
  const q = dob ? parseYmd(dob) : null;
  if (!q) return { score: null, effect: 0, detail: 'query has no birth date' };
  if (!personOnly(queryKind, e))
    return { score: null, effect: 0, detail: 'birth date compared for persons only' };
  const listed = e.birthDates.flatMap((b) => parseYmd(b) ?? []);
  if (listed.length === 0) return { score: null, effect: 0, detail: 'entry has no birth date' };
  let best: DobGrade = 'farApart';
  let bestDate = listed[0]!;
  for (const l of listed) {
    const g = grade(q, l);
    if (DOB[g].effect > DOB[best].effect) {
      best = g;
      bestDate = l;
    }
  }
  const years = listed.filter((l) => l.m === null).map((l) => l.y);
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const range = years.length >= 2 && hi - lo <= DOB_RANGE_MAX_YEARS && q.y > lo && q.y < hi;
  if (range && DOB.inRange.effect > DOB[best].effect) best = 'inRange';
  const { score, effect } = DOB[best];
  const gap = Math.abs(q.y - bestDate.y);
  const what = WHAT[best] || `${gap} years apart`;
  const against = best === 'inRange' ? `${lo}–${hi}` : bestDate.text;
  const label = q.m === null || bestDate.m === null ? 'birth year' : 'birth date';
  const shown = label === 'birth year' ? String(q.y) : q.text;
  const listedAs = label === 'birth year' && best !== 'inRange' ? String(bestDate.y) : against;
  return { score, effect, detail: `${label} ${shown} vs listed ${listedAs}: ${what}, ${signed(effect)}` };
}
