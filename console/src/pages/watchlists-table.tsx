import { type ApiClient, ApiFailure } from '../api.ts';
import type { Watchlist } from '../api-types.ts';
import { ErrorNotice, Loading } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { when } from '../format.ts';

/** The tenant's own watchlists, or null when this key may not manage them (lists:admin): not an error. */
async function loadWatchlists(api: ApiClient): Promise<Watchlist[] | null> {
  try {
    return (await api.get<{ items: Watchlist[] }>('/watchlists')).items;
  } catch (e) {
    if (e instanceof ApiFailure && e.status === 403) return null;
    throw e;
  }
}

/**
 * Watchlists screen beside the shared lists (source `custom:<id>`), so officers see them on the same page: a
 * finding from one names that source, and a list nobody can see is a list nobody keeps current.
 */
export function WatchlistsTable({ api }: { api: ApiClient }) {
  const [rows, reload] = useLoad(() => loadWatchlists(api), [api]);
  if (rows.state === 'loading') return <Loading what="watchlists" />;
  if (rows.state === 'error') return <ErrorNotice error={rows.error} retry={reload} />;
  if (rows.data === null) return null;
  return (
    <section aria-labelledby="watchlists-title" class="watchlists">
      <h2 id="watchlists-title">Own watchlists</h2>
      {rows.data.length === 0 ? (
        <p class="muted">No watchlist yet: create one with POST /watchlists and upload its entries.</p>
      ) : (
        <table class="data watchlists">
          <thead>
            <tr>
              <th scope="col">Watchlist</th>
              <th scope="col">Source id</th>
              <th scope="col">Entries</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((w) => (
              <tr key={w.id}>
                <td>
                  {w.name}
                  {w.description && <div class="muted">{w.description}</div>}
                </td>
                <td>custom:{w.id}</td>
                <td class="num">{(w.entries ?? 0).toLocaleString('en-GB')}</td>
                <td>{when(w.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
