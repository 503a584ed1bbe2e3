import type { VersionedSource } from '../entity/versioned-source.ts';

/**
 * The sources this deployment keeps fresh: LISTS_ENABLED, or every source that is on by default, plus any
 * source an operator pointed LIST_SOURCE_<ID> at (e.g. an annex table an officer obtained).
 */
export function createListCatalog(
  all: VersionedSource[],
  enabled: string[] | undefined,
  overrides: Record<string, string>,
) {
  const unknown = [...(enabled ?? []), ...Object.keys(overrides)].filter(
    (id) => !all.some((s) => s.id === id),
  );
  if (unknown.length > 0)
    throw new Error(`LISTS_ENABLED or LIST_SOURCE_* name unknown sources: ${unknown.join(', ')}`);
  const sources = all.filter(
    (s) => (enabled ? enabled.includes(s.id) : s.enabledByDefault) || s.id in overrides,
  );
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    sources,
    get: (id: string) => byId.get(id),
    isControlList: (id: string) => byId.get(id)?.kind === 'export_control',
  };
}

export type ListCatalog = ReturnType<typeof createListCatalog>;
