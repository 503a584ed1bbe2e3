import type { VersionedSource } from '../entity/versioned-source.ts';
import type { Check } from '../ops/readiness.ts';
import { publicationFreshness } from './freshness/publication-freshness.ts';

/** What readiness needs of a loaded version. */
export interface LoadedVersion {
  sourceId: string;
  publishedAt: string | null;
}

/**
 * Whether the lists let the service screen. Every enabled source must be loaded, except one whose list another
 * loaded source already publishes (`coverage`): the EU's official FSF file needs the Commission's download
 * service, and an offline install screens EU sanctions from the Official Journal transcription (eu-oj)
 * instead. That install is ready, and degraded: the check names the missing source and its stand-in.
 * Old data still screens (better than none), so a stale version also leaves the service ready but degraded.
 */
export function listReadiness(
  sources: readonly Pick<VersionedSource, 'id' | 'coverage'>[],
  loaded: ReadonlyMap<string, LoadedVersion>,
  now: number,
): Check {
  const standIn = (s: Pick<VersionedSource, 'coverage'>) =>
    sources.find((o) => o.coverage === s.coverage && loaded.has(o.id))?.id;
  const missing = sources.filter((s) => !loaded.has(s.id));
  const uncovered = missing.filter((s) => !standIn(s)).map((s) => s.id);
  if (uncovered.length > 0)
    return { name: 'lists', ok: false, detail: `not loaded: ${uncovered.join(', ')}` };
  const problems = [
    ...missing.map((s) => `${s.id} not loaded (its list is screened from ${standIn(s)})`),
    ...[...loaded.values()].flatMap((v) => {
      const f = publicationFreshness(v.sourceId, v.publishedAt, now);
      return f.stale ? [`stale: ${v.sourceId} ${f.reason}`] : [];
    }),
  ];
  return problems.length === 0
    ? { name: 'lists', ok: true, detail: `${loaded.size} sources active` }
    : { name: 'lists', ok: true, degraded: true, detail: problems.join('; ') };
}
