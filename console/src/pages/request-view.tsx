import type { Finding, StoredScreening } from '../api-types.ts';
import { Empty } from '../components/states.tsx';
import { when } from '../format.ts';
import { href } from '../router.ts';
import { staleNotes } from './stale-notes.ts';

type Request = StoredScreening['request'];
type Versions = StoredScreening['result']['listVersions'];

export function RequestView({ request }: { request: Request }) {
  const goods = request.goods ?? [];
  const route = request.route;
  return (
    <div class="request">
      <table class="data">
        <caption>Parties</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Role</th>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Country</th>
            <th scope="col">Identifiers</th>
          </tr>
        </thead>
        <tbody>
          {request.parties.map((p, i) => (
            <tr key={`${i}-${p.name}`}>
              <td>{i + 1}</td>
              <td>{p.role ?? 'customer'}</td>
              <td>
                {p.name}
                {p.aliases && p.aliases.length > 0 && <div class="muted">a.k.a. {p.aliases.join(' · ')}</div>}
              </td>
              <td>{p.kind ?? 'unknown'}</td>
              <td>{p.country ?? '—'}</td>
              <td>{p.identifiers?.map((id) => `${id.scheme} ${id.value}`).join('; ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {goods.length > 0 && (
        <table class="data">
          <caption>Goods</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Code</th>
              <th scope="col">Control number</th>
              <th scope="col">Description</th>
              <th scope="col">Manufacturer</th>
              <th scope="col">Origin</th>
            </tr>
          </thead>
          <tbody>
            {goods.map((g, i) => (
              <tr key={`${i}-${g.code}`}>
                <td>{i + 1}</td>
                <td>
                  {g.code ?? '—'} {g.codeSystem && <span class="muted">{g.codeSystem}</span>}
                </td>
                <td>{g.controlNumber ?? '—'}</td>
                <td>{g.description ?? '—'}</td>
                <td>{g.manufacturer ?? '—'}</td>
                <td>{g.originCountry ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <strong>Route:</strong>{' '}
        {route
          ? [route.origin ?? '?', ...(route.transit ?? []), route.destination ?? '?'].join(' → ')
          : 'not given'}
        {request.date && <span class="muted"> · transaction date {request.date}</span>}
      </p>
    </div>
  );
}

/**
 * The versions this screening used, each marked stale as it was when screened: the screening's own
 * list_coverage note for the source says so (and why), whatever the list's freshness is today.
 */
export function VersionsUsed({ versions, findings }: { versions: Versions; findings: readonly Finding[] }) {
  if (versions.length === 0) return <Empty>No list versions recorded.</Empty>;
  const notes = staleNotes(findings);
  return (
    <table class="data versions-used">
      <thead>
        <tr>
          <th scope="col">List</th>
          <th scope="col">Status</th>
          <th scope="col">Version</th>
          <th scope="col">Published</th>
          <th scope="col">Activated</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => {
          const stale = v.status === 'used' ? notes.get(v.source) : undefined;
          return (
            <tr key={v.source}>
              <td>
                <a href={href(`lists/${v.source}`)}>{v.source}</a>
              </td>
              <td>
                {v.status}{' '}
                {stale && (
                  <span class="badge stale" title={stale.reason}>
                    stale
                  </span>
                )}
              </td>
              <td>{v.version ?? '—'}</td>
              <td>{when(v.publishedAt)}</td>
              <td>{when(v.activatedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
