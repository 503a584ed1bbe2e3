/**
 * How much each field moves a hit's score, added to the name score (the base). The model, the reasons and the
 * public references are in CALIBRATION.md ("Field effects"); change a number there and here together.
 *
 * Two design rules fix the sizes: a clear contradiction must take a name that alone reaches review (0.80–0.95)
 * below review, so it is at least −0.20 (−0.25 or more where even an exact name must fall); agreement is only a
 * small bonus, because a shared country or birth year says little on its own — and retrieval's upper bound
 * (`maxBonus` in evidence.ts) must cover every bonus.
 */

export const COUNTRY_MATCH = 0.02;
/**
 * A country that none of the entry's countries (nationality, citizenship, registration, address, flag) shares.
 * Weakest for persons (second nationality, residence abroad), strongest for vessels, whose flag the query names.
 */
export const COUNTRY_MISMATCH = {
  person: -0.06,
  organization: -0.1,
  vessel: -0.12,
  other: -0.08,
} as const;

/** Birth-date grades, best first; `score` is the agreement shown to the officer, `effect` the score change. */
export const DOB = {
  exact: { score: 1, effect: 0.04 },
  sameMonth: { score: 0.9, effect: 0.02 },
  sameYear: { score: 0.8, effect: 0.01 },
  inRange: { score: 0.8, effect: 0.01 },
  /** 1969-04-05 vs 1969-05-04: the commonest clerical error, nearly neutral. */
  swapped: { score: 0.7, effect: -0.01 },
  /** Year-only and "circa" listings are often a year off; nearly neutral. */
  oneYear: { score: 0.6, effect: -0.02 },
  dayDiffers: { score: 0.5, effect: -0.04 },
  /** Full dates with the same day and month whose years differ by one digit or a transposition. */
  yearTypo: { score: 0.4, effect: -0.05 },
  twoYears: { score: 0.4, effect: -0.05 },
  monthDiffers: { score: 0.3, effect: -0.08 },
  /** 3–5 years apart: a 0.88 name falls to 0.73. */
  fewYears: { score: 0.1, effect: -0.15 },
  /** 6 or more years apart: even an exact name (1.00) falls to 0.75, below review. */
  farApart: { score: 0, effect: -0.25 },
} as const;
export type DobGrade = keyof typeof DOB;

/** Listed year-only dates this close are read as a range ("1951 to 1953" is listed as both ends). */
export const DOB_RANGE_MAX_YEARS = 5;

/**
 * Kinds that cannot be the same thing. Person vs organization is a little weaker: a sole trader or a firm named
 * after its owner carries a person's name, so an exact name (1.00) stays at review (0.80) while 0.95 falls below.
 */
export const KIND_CLASH = -0.25;
export const KIND_PERSON_ORGANIZATION = -0.2;

/** Phone, email, website, a short or foreign registry number: shared by unrelated parties behind one agent. */
export const WEAK_ID_BONUS = 0.03;
/** A strong identifier match puts the score at least here, rising with the name score. */
export const STRONG_ID_FLOOR = 0.85;
/**
 * A different value of the same scheme. Check-digit numbers that never change over the holder's life (IMO,
 * INN, OGRN, LEI) are near-proof of another holder, and so is another number in the same country's registry
 * (one company, one registration number): both take even an exact name below review. Passports are reissued with new numbers (lists keep old ones) and an MMSI changes with the flag.
 */
export const ID_CONFLICT = {
  permanent: -0.3,
  registry: -0.25,
  passport: -0.12,
  mmsi: -0.1,
} as const;
export type IdConflictKind = keyof typeof ID_CONFLICT;

/** An effect as the explanation prints it: "+0.02", "−0.25" (a true minus sign), or "no effect". */
export const signed = (x: number) =>
  x === 0 ? 'no effect' : `${x > 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
