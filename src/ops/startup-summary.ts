/**
 * The lines a person starting the service for the first time needs, in one place: where the console and docs
 * are, how to get a key, and whether any sanctions list is loaded yet. Without them a first run shows a wall of
 * download warnings and no word that screenings will all answer `review` until a list is in.
 */
export interface StartupFacts {
  baseUrl: string;
  /** Every enabled source with its kind, and the ids of those with an active version. */
  sources: { id: string; kind: 'sanctions' | 'export_control' }[];
  loaded: ReadonlySet<string>;
  bootstrapKey: boolean;
}

export function startupSummary(f: StartupFacts): string[] {
  const sanctions = f.sources.filter((s) => s.kind === 'sanctions');
  const loadedSanctions = sanctions.filter((s) => f.loaded.has(s.id));
  const missing = f.sources.filter((s) => !f.loaded.has(s.id)).map((s) => s.id);
  const lines = [
    `officer console: ${f.baseUrl}/console/   API docs: ${f.baseUrl}/docs`,
    f.bootstrapKey
      ? 'API key: the TRADESCREEN_ADMIN_KEY you set (tenant "default", every scope)'
      : 'API key: none configured; set TRADESCREEN_ADMIN_KEY, or run `npm run tenant:create -- <id> "<name>"`',
    `lists: ${f.loaded.size} of ${f.sources.length} enabled sources loaded` +
      (missing.length > 0 ? ` (not yet: ${missing.join(', ')})` : ''),
  ];
  if (sanctions.length > 0 && loadedSanctions.length === 0) {
    lines.push(
      'no sanctions list is loaded yet: every screening answers at least `review` with a list_coverage finding ' +
        'until one is. Offline, point LIST_SOURCE_<ID> at the official files (README, "List sources"); /readyz says when ready',
    );
  }
  return lines;
}
