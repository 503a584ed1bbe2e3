import { useMemo, useState } from 'preact/hooks';
import { type ApiClient, describeFailure, queryString } from '../api.ts';
import type { ListSourceStatus, ScreeningPage } from '../api-types.ts';
import { ScreeningsTable } from '../components/screenings-table.tsx';
import { Empty, ErrorNotice, isNotServed, Loading, NotServed } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { href, type Route, rememberLog } from '../router.ts';
import { FilterForm, type Filters, filtersFrom } from './audit-filters.tsx';

const PAGE_SIZE = 50;

export function AuditLogPage({ api, route }: { api: ApiClient; route: Route }) {
  const filters = useMemo(() => filtersFrom(route.query), [route.query.toString()]);
  const filterKey = JSON.stringify(filters);
  rememberLog(href('log', filters));
  // Cursors of the pages before the current one, so "Previous" needs no backwards cursor from the API.
  const [cursors, setCursors] = useState<{ key: string; stack: (string | null)[] }>({
    key: filterKey,
    stack: [null],
  });
  const stack = cursors.key === filterKey ? cursors.stack : [null];
  const cursor = stack[stack.length - 1] ?? null;
  const [page, reload] = useLoad(
    () => api.get<ScreeningPage>('/screenings', { ...filters, cursor, limit: PAGE_SIZE }),
    [api, filterKey, cursor],
  );
  const [sources] = useLoad(() => api.get<{ items: ListSourceStatus[] }>('/lists'), [api]);

  return (
    <section aria-labelledby="log-title">
      <header class="page-head">
        <h1 id="log-title">Audit log</h1>
        <ExportButton api={api} filters={filters} />
      </header>
      <FilterForm
        value={filters}
        sources={sources.state === 'ready' ? sources.data.items : []}
        onApply={(f) => {
          location.hash = href('log', f);
        }}
      />
      {page.state === 'loading' && <Loading what="screenings" />}
      {page.state === 'error' &&
        (isNotServed(page.error) ? (
          <NotServed operation="GET /screenings" />
        ) : (
          <ErrorNotice error={page.error} retry={reload} />
        ))}
      {page.state === 'ready' &&
        (page.data.items.length === 0 ? (
          <Empty>{stack.length > 1 ? 'No more screenings.' : 'No screenings match these filters.'}</Empty>
        ) : (
          <ScreeningsTable items={page.data.items} busy={page.reloading} />
        ))}
      <nav class="pager" aria-label="Pages">
        <button
          type="button"
          disabled={stack.length <= 1}
          onClick={() => setCursors({ key: filterKey, stack: stack.slice(0, -1) })}
        >
          ← Previous page
        </button>
        <span>Page {stack.length}</span>
        <button
          type="button"
          disabled={page.state !== 'ready' || !page.data.nextCursor}
          onClick={() =>
            page.state === 'ready' && setCursors({ key: filterKey, stack: [...stack, page.data.nextCursor] })
          }
        >
          Next page →
        </button>
      </nav>
    </section>
  );
}

/**
 * The export is fetched with the Authorization header and handed to the browser as a Blob: a plain link would
 * need the key in the URL, where it would land in history and proxy logs.
 */
function ExportButton({ api, filters }: { api: ApiClient; filters: Filters }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function exportCsv() {
    setState({ busy: true, error: null });
    try {
      const res = await api.raw(
        'GET',
        `/screenings/export${queryString({ format: 'csv', ...filters })}`,
        undefined,
        'text/csv',
      );
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `screenings-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ busy: false, error: null });
    } catch (e) {
      setState({
        busy: false,
        error: isNotServed(e) ? 'This API does not serve the CSV export yet.' : describeFailure(e),
      });
    }
  }
  return (
    <div class="export">
      <button type="button" onClick={exportCsv} disabled={state.busy}>
        {state.busy ? 'Exporting…' : 'Export CSV (current filters)'}
      </button>
      {state.error && (
        <p class="state error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
