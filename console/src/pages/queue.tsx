import type { ApiClient } from '../api.ts';
import type { Alert, ScreeningPage, ScreeningSummary } from '../api-types.ts';
import { ScreeningsTable } from '../components/screenings-table.tsx';
import { Empty, ErrorNotice, isNotServed, Loading, NotServed, StatusBadge } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { when } from '../format.ts';
import { ReviewForm } from './review-panel.tsx';

// The queue must show everything waiting, not the newest page: page through up to this many screenings.
const MAX_QUEUE = 2000;

async function waiting(api: ApiClient): Promise<{ items: ScreeningSummary[]; truncated: boolean }> {
  const items: ScreeningSummary[] = [];
  let truncated = false;
  for (const reviewStatus of ['open', 'in_review'] as const) {
    let cursor: string | null = null;
    do {
      const page: ScreeningPage = await api.get<ScreeningPage>('/screenings', {
        reviewStatus,
        limit: 500,
        cursor,
      });
      items.push(...page.items.filter((s) => s.decision !== 'clear'));
      cursor = page.nextCursor;
      if (items.length >= MAX_QUEUE && cursor) {
        truncated = true;
        cursor = null;
      }
    } while (cursor);
  }
  // Oldest first: the longest-waiting transaction is the one most likely held up at a border or a bank.
  items.sort((a, b) => a.screenedAt.localeCompare(b.screenedAt));
  return { items, truncated };
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
  const [screenings, reload] = useLoad(() => waiting(api), [api]);
  const [alerts, reloadAlerts] = useLoad(() => openAlerts(api), [api]);
  return (
    <section aria-labelledby="queue-title">
      <header class="page-head">
        <h1 id="queue-title">Review queue</h1>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </header>
      <h2>Screenings waiting for review</h2>
      {screenings.state === 'loading' && <Loading what="the queue" />}
      {screenings.state === 'error' &&
        (isNotServed(screenings.error) ? (
          <NotServed operation="GET /screenings" />
        ) : (
          <ErrorNotice error={screenings.error} retry={reload} />
        ))}
      {screenings.state === 'ready' &&
        (screenings.data.items.length === 0 ? (
          <Empty>Nothing is waiting for review.</Empty>
        ) : (
          <>
            <p class="count">
              {screenings.data.items.length} waiting, oldest first
              {screenings.data.truncated && ' (the first 2000 only: narrow the audit log to see the rest)'}
            </p>
            <QueueTable items={screenings.data.items} />
          </>
        ))}
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

function QueueTable({ items }: { items: ScreeningSummary[] }) {
  return <ScreeningsTable items={items} showAge />;
}
