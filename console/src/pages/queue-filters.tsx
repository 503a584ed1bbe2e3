import { useState } from 'preact/hooks';

/** GET /queue's filters and sort as the form holds them: strings, empty meaning "any". */
export interface QueueFilters {
  decision?: string;
  source?: string;
  partyName?: string;
  assignee?: string;
  claimed?: string;
  overdue?: string;
  olderThanHours?: string;
  sort?: string;
}

export function QueueFilterForm({
  value,
  onApply,
}: {
  value: QueueFilters;
  onApply: (f: QueueFilters) => void;
}) {
  const [draft, setDraft] = useState<QueueFilters>(value);
  const set = (k: keyof QueueFilters) => (e: Event) =>
    setDraft({ ...draft, [k]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  return (
    <form
      class="filters"
      aria-label="Filter the queue"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) as QueueFilters);
      }}
    >
      <label>
        Decision
        <select name="decision" value={draft.decision ?? ''} onChange={set('decision')}>
          <option value="">any</option>
          <option value="block">block</option>
          <option value="review">review</option>
        </select>
      </label>
      <label>
        List
        <input name="source" value={draft.source ?? ''} onInput={set('source')} placeholder="us-ofac-sdn" />
      </label>
      <label>
        Party name contains
        <input name="partyName" value={draft.partyName ?? ''} onInput={set('partyName')} />
      </label>
      <label>
        Assignee
        <input name="assignee" value={draft.assignee ?? ''} onInput={set('assignee')} />
      </label>
      <label>
        Claimed
        <select name="claimed" value={draft.claimed ?? ''} onChange={set('claimed')}>
          <option value="">any</option>
          <option value="false">unclaimed</option>
          <option value="true">claimed</option>
        </select>
      </label>
      <label>
        Age
        <select name="overdue" value={draft.overdue ?? ''} onChange={set('overdue')}>
          <option value="">any</option>
          <option value="true">overdue</option>
          <option value="false">within the SLA</option>
        </select>
      </label>
      <label>
        Waiting longer than (hours)
        <input
          type="number"
          min={0}
          name="olderThanHours"
          value={draft.olderThanHours ?? ''}
          onInput={set('olderThanHours')}
        />
      </label>
      <label>
        Sort
        <select name="sort" value={draft.sort ?? 'oldest'} onChange={set('sort')}>
          <option value="oldest">oldest first</option>
          <option value="newest">newest first</option>
          <option value="severity">most severe first</option>
        </select>
      </label>
      <div class="filter-actions">
        <button type="submit">Apply</button>
        <button
          type="button"
          onClick={() => {
            setDraft({});
            onApply({});
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
