import type { ApiClient } from '../api.ts';
import type { ListSourceStatus, ListVersion } from '../api-types.ts';
import { Empty, ErrorNotice, Loading } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { ago, when } from '../format.ts';
import { href } from '../router.ts';
import { SourceDetail } from './list-source.tsx';
import { WatchlistsTable } from './watchlists-table.tsx';

interface SourceRow {
  source: ListSourceStatus;
  quarantined: ListVersion[];
}

async function loadSources(api: ApiClient): Promise<SourceRow[]> {
  const { items } = await api.get<{ items: ListSourceStatus[] }>('/lists');
  // A quarantined version is a list update that is NOT in use: officers must see it next to the source.
  return Promise.all(
    items.map(async (source) => {
      const { items: versions } = await api.get<{ items: ListVersion[] }>(
        `/lists/${encodeURIComponent(source.id)}/versions`,
      );
      return { source, quarantined: versions.filter((v) => v.status === 'quarantined') };
    }),
  );
}

export function ListsPage({ api, sourceId }: { api: ApiClient; sourceId: string | undefined }) {
  const [rows, reload] = useLoad(() => loadSources(api), [api]);
  return (
    <section aria-labelledby="lists-title">
      <header class="page-head">
        <h1 id="lists-title">Lists</h1>
        <button type="button" onClick={reload}>
          Refresh
        </button>
      </header>
      {rows.state === 'loading' && <Loading what="list sources" />}
      {rows.state === 'error' && <ErrorNotice error={rows.error} retry={reload} />}
      {rows.state === 'ready' &&
        (rows.data.length === 0 ? (
          <Empty>No list source is enabled on this service.</Empty>
        ) : (
          <table class="data lists">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Active version</th>
                <th scope="col">Entries</th>
                <th scope="col">Last refresh</th>
                <th scope="col">Quarantined</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map(({ source: s, quarantined }) => (
                <tr key={s.id} class={s.id === sourceId ? 'selected' : ''}>
                  <td>
                    <a href={href(`lists/${s.id}`)} aria-current={s.id === sourceId ? 'true' : undefined}>
                      {s.title}
                    </a>
                    <div class="muted">
                      {s.id}
                      {s.authority && ` · ${s.authority}`}
                    </div>
                  </td>
                  <td>
                    <span class={`badge list-${s.status}`}>{s.status.replace('_', ' ')}</span>
                    {s.stale && (
                      <>
                        <span class="badge stale" title={s.staleReason}>
                          stale
                        </span>
                        {s.staleReason && <div class="muted stale-reason">{s.staleReason}</div>}
                      </>
                    )}
                  </td>
                  <td>
                    {s.activeVersion ? (
                      <>
                        v{s.activeVersion.version}
                        <div class="muted">published {when(s.activeVersion.publishedAt)}</div>
                      </>
                    ) : (
                      <span class="muted">none</span>
                    )}
                  </td>
                  <td class="num">{s.activeVersion?.counts.total.toLocaleString('en-GB') ?? '—'}</td>
                  <td>
                    {s.lastAttempt ? (
                      <>
                        {s.lastAttempt.outcome} {ago(s.lastAttempt.at)}
                        <div class="muted">{when(s.lastAttempt.at)}</div>
                        {s.lastAttempt.detail && <div class="muted">{s.lastAttempt.detail}</div>}
                      </>
                    ) : (
                      <span class="muted">never</span>
                    )}
                  </td>
                  <td>
                    {quarantined.length === 0 ? (
                      <span class="muted">none</span>
                    ) : (
                      quarantined.map((v) => (
                        <div key={v.version}>
                          v{v.version}: {v.quarantineReason ?? 'no reason recorded'}
                        </div>
                      ))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <WatchlistsTable api={api} />
      {sourceId && <SourceDetail api={api} sourceId={sourceId} />}
    </section>
  );
}
