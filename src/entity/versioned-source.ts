import type { ListSource, ParseReport, SourceFile } from './list-entity.ts';

/** One item of a list version: a sanctions entity, a control rule or a watchlist entry, with its own id. */
export interface ListItem {
  entryId: string;
  name: string;
  data: unknown;
}

/**
 * Anything kept as versions: a sanctions source, a control list, a tenant watchlist. The version machinery
 * (hash, parse, guardrails, diff, activation) only sees items with ids, names and a kind to count.
 */
export interface VersionedSource {
  id: string;
  title: string;
  authority: string;
  kind: 'sanctions' | 'export_control';
  pageUrl: string;
  /** Where the authority publishes it; empty when the data ships with tradescreen (`shippedPath`). */
  files: SourceFile[];
  shippedPath?: string;
  /** Sources that need a licence are off unless LISTS_ENABLED names them. */
  enabledByDefault: boolean;
  /**
   * The list this source publishes. Two sources of one list (the EU's official FSF file and the Official
   * Journal transcription) stand in for each other when readiness asks what is loaded (list-readiness.ts).
   */
  coverage: string;
  readItems(path: string, report: ParseReport): AsyncIterable<ListItem & { kind: string }>;
}

export function fromListSource(
  source: ListSource,
  opts: { enabledByDefault?: boolean; coverage?: string } = {},
): VersionedSource {
  return {
    id: source.id,
    title: source.title,
    authority: source.authority,
    kind: 'sanctions',
    pageUrl: source.pageUrl,
    files: source.files,
    enabledByDefault: opts.enabledByDefault ?? true,
    coverage: opts.coverage ?? source.id,
    async *readItems(path, report) {
      for await (const entity of source.read(path, report)) {
        yield { entryId: entity.entryId, name: entity.name, kind: entity.kind, data: entity };
      }
    },
  };
}
