import type { ApiClient } from '../api.ts';
import type { ListDiff, ListSourceStatus, ListVersion } from '../api-types.ts';
import { Empty, ErrorNotice, Loading } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { when } from '../format.ts';

const DIFF_ROWS = 200;

async function loadDetail(api: ApiClient, id: string) {
  const path = `/lists/${encodeURIComponent(id)}`;
  const [source, { items: versions }] = await Promise.all([
    api.get<ListSourceStatus>(path),
    api.get<{ items: ListVersion[] }>(`${path}/versions`),
  ]);
  // The latest diff is that of the newest version that was checked against its predecessor (active or not).
  const latest = versions.find((v) => v.status !== 'pending');
  const diff = latest ? await api.get<ListDiff>(`${path}/versions/${latest.version}/diff`) : null;
  return { source, versions, diff };
}

export function SourceDetail({ api, sourceId }: { api: ApiClient; sourceId: string }) {
  const [detail, reload] = useLoad(() => loadDetail(api, sourceId), [api, sourceId]);
  if (detail.state === 'loading') return <Loading what={`${sourceId} versions`} />;
  if (detail.state === 'error') return <ErrorNotice error={detail.error} retry={reload} />;
  const { source, versions, diff } = detail.data;
  const latestStatus = versions.find((v) => v.version === diff?.version)?.status;
  return (
    <section class="source-detail" aria-labelledby="source-title">
      <h2 id="source-title">
        {source.title} {source.stale && <span class="badge stale">stale</span>}
      </h2>
      {/* The page an officer opens from a finding's list link: staleness must be read here, not only in the table. */}
      {source.stale && (
        <p class="state notice stale-notice" role="note">
          This list is stale{source.staleReason ? `: ${source.staleReason}` : ''}. Screenings still use it;
          check the authority's site for a newer publication.
        </p>
      )}
      {source.location && (
        <p class="muted">
          Read from <code>{source.location}</code>
        </p>
      )}
      {source.coverage && <p>{source.coverage}</p>}
      <h3>Versions</h3>
      {versions.length === 0 ? (
        <Empty>No version has been fetched yet.</Empty>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Fetched</th>
              <th scope="col">Published</th>
              <th scope="col">Entries</th>
              <th scope="col">Skipped</th>
              <th scope="col">Quarantine reason / warnings</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} class={`version-${v.status}`}>
                <td>v{v.version}</td>
                <td>
                  <span class={`badge version-${v.status}`}>{v.status}</span>
                </td>
                <td>{when(v.fetchedAt)}</td>
                <td>{when(v.publishedAt)}</td>
                <td class="num">{v.counts.total.toLocaleString('en-GB')}</td>
                <td class="num">{v.counts.recordsSkipped ?? 0}</td>
                <td>
                  {v.quarantineReason && <strong>{v.quarantineReason}</strong>}
                  {/* A quarantined version in force was an operator's decision: the officer sees why. */}
                  {v.activationReason && (
                    <div>
                      Activated by an operator: <em>{v.activationReason}</em>
                    </div>
                  )}
                  {v.warnings?.slice(0, 3).map((w) => (
                    <div key={w} class="muted">
                      {w}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Latest changes</h3>
      {!diff ? (
        <Empty>No diff yet.</Empty>
      ) : (
        <>
          <p>
            v{diff.version}
            {latestStatus &&
              latestStatus !== 'active' &&
              ` (${latestStatus}${latestStatus === 'quarantined' ? ', not in use' : ''})`}{' '}
            against {diff.against === null ? 'nothing (first version)' : `v${diff.against}`}:{' '}
            {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed.
          </p>
          <div class="diff">
            {(
              [
                ['Added', diff.added],
                ['Removed', diff.removed],
                ['Changed', diff.changed],
              ] as const
            ).map(([label, entries]) => (
              <div key={label}>
                <h4>
                  {label} ({entries.length})
                </h4>
                {entries.length === 0 ? (
                  <p class="muted">none</p>
                ) : (
                  <ul>
                    {entries.slice(0, DIFF_ROWS).map((e) => (
                      <li key={e.entryId}>
                        <code>{e.entryId}</code> {e.name}
                        {e.fields && e.fields.length > 0 && (
                          <span class="muted"> ({e.fields.join(', ')})</span>
                        )}
                      </li>
                    ))}
                    {entries.length > DIFF_ROWS && (
                      <li class="muted">… and {entries.length - DIFF_ROWS} more</li>
                    )}
                  </ul>
                )}
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
