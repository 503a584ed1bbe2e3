import {
  compareBirthDate,
  compareCountry,
  compareIds,
  compareKind,
  type PreparedFields,
  STRONG_ID_FLOOR,
} from './evidence.ts';
import { signed } from './evidence-weights.ts';
import type { IndexData } from './index-data.ts';
import { capByCeiling } from './name-ceiling.ts';
import { describeNameMatch } from './name-explain.ts';
import type { NameMatch } from './name-score.ts';
import type { PreparedName } from './prepare-query.ts';
import { type Band, DEFAULT_THRESHOLDS, type Hit, type SearchOptions, type Thresholds } from './types.ts';

export interface EntityCandidate {
  entity: number;
  name: number;
  queryName: PreparedName | null;
  match: NameMatch | null;
}

export function thresholdsOf(o: SearchOptions | undefined): Thresholds {
  return { ...DEFAULT_THRESHOLDS, ...o?.thresholds };
}

export function bandOf(score: number, t: Thresholds): Band {
  return score >= t.block ? 'block' : score >= t.review ? 'review' : 'below';
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Combines the best name match of one entry with the other fields into a scored, explained hit. */
export function finalizeHit(d: IndexData, c: EntityCandidate, f: PreparedFields, t: Thresholds): Hit {
  const e = d.entities.get(c.entity);
  const nameScore = c.match?.score ?? 0;
  const ids = compareIds(f.ids, f.country, e);
  const country = compareCountry(f, e);
  const birthDate = compareBirthDate(f.dob, f.kind, e);
  const kind = compareKind(f, e);
  let score = nameScore + ids.part.effect + country.effect + birthDate.effect + kind.effect;
  // A short, weak or one-short-word name match cannot decide alone (name-score.ts): an agreeing field lifts it a step.
  const agrees = ids.strong || ids.part.effect > 0 || country.effect > 0 || birthDate.effect > 0;
  score = capByCeiling(score, c.match, agrees, t);
  if (ids.strong) {
    // Identity outweighs every other field: the floor holds whatever the country, birth date or kind say.
    const floor = STRONG_ID_FLOOR + (1 - STRONG_ID_FLOOR) * nameScore;
    ids.part.effect = round(Math.max(0, floor - score));
    ids.part.detail += `: identity, score at least ${floor.toFixed(2)}, ${signed(ids.part.effect)}`;
    score = Math.max(score, floor);
  }
  // No rare word shared and no identifier: whatever the arithmetic, common words alone never reach review.
  if (!ids.strong && !(c.match?.anchored ?? false)) score = Math.min(score, t.review - 0.01);
  score = round(Math.min(1, Math.max(0, score)));
  const alias = c.name >= 0 ? d.nameAlias[c.name]! : -1;
  const matchedName = alias >= 0 ? (e.aliases[alias]?.value ?? e.name) : e.name;
  const m = c.match;
  const hit: Hit = {
    score,
    band: bandOf(score, t),
    source: e.source,
    entryId: e.entryId,
    kind: e.kind,
    name: e.name,
    matchedName,
    queryName: c.queryName?.raw ?? '',
    evidence: {
      name: {
        score: round(nameScore),
        effect: 0,
        detail:
          m && c.queryName && c.name >= 0
            ? describeNameMatch(d, c.queryName, c.name, matchedName, e.kind === 'person', m, t)
            : 'no name in common',
      },
      identifiers: ids.part,
      country,
      birthDate,
      kind,
    },
    programs: e.programs,
  };
  if (e.listedOn !== undefined) hit.listedOn = e.listedOn;
  if (e.url !== undefined) hit.url = e.url;
  return hit;
}
