import { useState } from 'preact/hooks';
import type { ApiClient } from '../api.ts';
import type { Alert, QueuePage as QueueData } from '../api-types.ts';
import { Empty, ErrorNotice, isNotServed, Loading, NotServed, StatusBadge } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { when } from '../format.ts';
import { QueueFilterForm, type QueueFilters } from './queue-filters.tsx';
import { QueueCountsLine, QueueTable } from './queue-table.tsx';
import { ReviewForm } from './review-panel.tsx';

// The server pages the queue (GET /queue, keyset from the oldest): the console holds one page, never the queue.
const PAGE_SIZE = 50;

/** Where the officer is in the queue: the filters, and the cursor of the page shown (null: the first page). */
interface Position {
  filters: QueueFilters;
  cursor: string | null;
  /** 1-based number of the page shown, for "items 51–100" (cursors carry no offset). */
  page: number;
}

async function openAlerts(api: ApiClient): Promise<Alert[] | 'not-served'> {
  try {
    const { items } = await api.get<{ items: Alert[] }>('/alerts');
    return items
      .filter((a) => a.reviewStatus !== 'resolved')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  } catch (e) {
    if (isNotServed(e)) return 'not-served';
    throw e;
  }
}

export function QueuePage({ api, canReview }: { api: ApiClient; canReview: boolean }) {
  const [at, setAt] = useState<Position>({ filters: {}, cursor: null, page: 1 });
  const [queue, reload] = useLoad(
    () => api.get<QueueData>('/queue', { ...at.filters, cursor: at.cursor, limit: PAGE_SIZE }),
    [api, JSON.stringify(at)],
  );
  const [alerts, reloadAlerts] = useLoad(() => openAlerts(api), [api]);
  const go = (cursor: string | null, page: number) => setAt({ ...at, cursor, page });
  return (
    <section aria-labelledby="queue-title">
      <header class="page-head">
        <h1 id="queue-title">Review queue</h1>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </header>
      <h2>Screenings waiting for review</h2>
      {queue.state === 'ready' && (
        <QueueCountsLine counts={queue.data.counts} slaHours={queue.data.slaHours} />
      )}
      <QueueFilterForm value={at.filters} onApply={(filters) => setAt({ filters, cursor: null, page: 1 })} />
      {queue.state === 'loading' && <Loading what="the queue" />}
      {queue.state === 'error' &&
        (isNotServed(queue.error) ? (
          <NotServed operation="GET /queue" />
        ) : (
          <ErrorNotice error={queue.error} retry={reload} />
        ))}
      {queue.state === 'ready' &&
        (queue.data.items.length === 0 ? (
          <Empty>{at.page > 1 ? 'No more items.' : 'Nothing is waiting for review.'}</Empty>
        ) : (
          <>
            <p class="count">
              Items {(at.page - 1) * PAGE_SIZE + 1}–{(at.page - 1) * PAGE_SIZE + queue.data.items.length} of{' '}
              {queue.data.matching} waiting, {SORT_LABEL[at.filters.sort ?? 'oldest'] ?? 'oldest first'}
            </p>
            <QueueTable
              api={api}
              items={queue.data.items}
              canReview={canReview}
              busy={queue.reloading}
              onChanged={reload}
            />
          </>
        ))}
      <nav class="pager" aria-label="Queue pages">
        <button type="button" disabled={at.cursor === null} onClick={() => go(null, 1)}>
          ⇤ First page
        </button>
        <button
          type="button"
          disabled={queue.state !== 'ready' || !queue.data.prevCursor}
          onClick={() => queue.state === 'ready' && go(queue.data.prevCursor, Math.max(1, at.page - 1))}
        >
          ← Previous page
        </button>
        <span>Page {at.page}</span>
        <button
          type="button"
          disabled={queue.state !== 'ready' || !queue.data.nextCursor}
          onClick={() => queue.state === 'ready' && go(queue.data.nextCursor, at.page + 1)}
        >
          Next page →
        </button>
      </nav>
      <h2>Monitoring alerts</h2>
      {alerts.state === 'loading' && <Loading what="alerts" />}
      {alerts.state === 'error' && <ErrorNotice error={alerts.error} />}
      {alerts.state === 'ready' &&
        (alerts.data === 'not-served' ? (
          <NotServed operation="GET /alerts" />
        ) : alerts.data.length === 0 ? (
          <Empty>No open alerts.</Empty>
        ) : (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Raised</th>
                <th scope="col">Entry</th>
                <th scope="col">Finding</th>
                <th scope="col">Status</th>
                {canReview && <th scope="col">Review</th>}
              </tr>
            </thead>
            <tbody>
              {alerts.data.map((a) => (
                <tr key={a.id}>
                  <td>{when(a.createdAt)}</td>
                  <td>
                    {a.finding.source} {a.finding.entry?.id} {a.finding.entry?.name}
                  </td>
                  <td>{a.finding.reason}</td>
                  <td>
                    <StatusBadge status={a.reviewStatus} />
                  </td>
                  {canReview && (
                    <td>
                      <details>
                        <summary>Review this alert</summary>
                        <ReviewForm
                          api={api}
                          reviewPath={`/alerts/${a.id}/reviews`}
                          finding={a.finding}
                          onRecorded={reloadAlerts}
                          onForbidden={reloadAlerts}
                        />
                      </details>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

const SORT_LABEL: Record<string, string> = {
  oldest: 'oldest first',
  newest: 'newest first',
  severity: 'most severe first',
};
