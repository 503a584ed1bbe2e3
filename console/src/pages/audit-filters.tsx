import { useEffect, useRef, useState } from 'preact/hooks';

export const FILTER_KEYS = [
  'from',
  'to',
  'decision',
  'reviewStatus',
  'reference',
  'partyName',
  'source',
  'entryId',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function filtersFrom(query: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

// <input type="datetime-local"> has no zone; the console shows UTC everywhere, so it is read as UTC.
const toIso = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}Z` : '');
const toLocal = (iso: string | undefined) => (iso ? iso.replace(/Z$/, '').slice(0, 16) : '');

export function FilterForm({
  value,
  sources,
  onApply,
}: {
  value: Filters;
  /** The list sources to filter by; a stale one says so here too. */
  sources: { id: string; stale: boolean }[];
  onApply: (f: Filters) => void;
}) {
  const [draft, setDraft] = useState<Filters>(value);
  // The draft follows the applied filters only when they change (Back, a link): effects run after paint, so
  // resetting on mount too wiped what an officer had typed in the first moments on the page.
  const shown = useRef(value);
  useEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    setDraft(value);
  }, [value]);
  const set = (k: FilterKey) => (e: Event) =>
    setDraft({ ...draft, [k]: (e.target as HTMLInputElement | HTMLSelectElement).value });

  return (
    <form
      class="filters"
      aria-label="Filter the audit log"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as Filters);
      }}
    >
      <label>
        From (UTC)
        <input
          type="datetime-local"
          name="from"
          value={toLocal(draft.from)}
          onInput={(e) => setDraft({ ...draft, from: toIso((e.target as HTMLInputElement).value) })}
        />
      </label>
      <label>
        To (UTC)
        <input
          type="datetime-local"
          name="to"
          value={toLocal(draft.to)}
          onInput={(e) => setDraft({ ...draft, to: toIso((e.target as HTMLInputElement).value) })}
        />
      </label>
      <label>
        Decision
        <select name="decision" value={draft.decision ?? ''} onChange={set('decision')}>
          <option value="">any</option>
          <option value="block">block</option>
          <option value="review">review</option>
          <option value="clear">clear</option>
        </select>
      </label>
      <label>
        Review status
        <select name="reviewStatus" value={draft.reviewStatus ?? ''} onChange={set('reviewStatus')}>
          <option value="">any</option>
          <option value="open">open</option>
          <option value="in_review">in review</option>
          <option value="resolved">resolved</option>
          <option value="superseded">superseded</option>
        </select>
      </label>
      <label>
        Reference
        <input name="reference" value={draft.reference ?? ''} onInput={set('reference')} maxLength={200} />
      </label>
      <label>
        Party name
        <input name="partyName" value={draft.partyName ?? ''} onInput={set('partyName')} maxLength={300} />
      </label>
      <label>
        List
        <select name="source" value={draft.source ?? ''} onChange={set('source')}>
          <option value="">any</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.stale ? `${s.id} (stale)` : s.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Entry id
        <input name="entryId" value={draft.entryId ?? ''} onInput={set('entryId')} maxLength={100} />
      </label>
      <div class="filter-actions">
        <button type="submit" class="primary">
          Apply filters
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}
