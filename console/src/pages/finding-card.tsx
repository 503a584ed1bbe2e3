import type { ComponentChildren } from 'preact';
import { type AlignedPair, alignedPairs, alignedSegments } from '../aligned-words.ts';
import type { ApiClient } from '../api.ts';
import type { Finding, ListEntry, Party } from '../api-types.ts';
import { ErrorNotice, Loading } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { pct, when } from '../format.ts';
import { RedFlagFacts } from './red-flag-facts.tsx';

interface EntryAlias {
  value?: string;
  quality?: string;
}
interface EntryIdentifier {
  type?: string;
  value?: string;
  country?: string;
}

const same = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A name with the words the engine aligned marked, each titled with the word it went with on the other side:
 * the officer reads the alignment on both sides of the comparison, not only a score.
 */
function AlignedName({ name, pairs, side }: { name: string; pairs: AlignedPair[]; side: 'query' | 'list' }) {
  const other = side === 'query' ? 'list' : 'query';
  return (
    <>
      {alignedSegments(name, pairs, side).map((s, i) =>
        s.pair ? (
          <span
            key={i}
            class={`aligned aligned-${s.pair.grade === 'exact' ? 'exact' : 'near'}`}
            title={`aligned with “${s.pair[other].join(' ')}” (${s.pair.grade})`}
          >
            {s.text}
          </span>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

/** The name variant the engine matched is marked, so the officer sees at once which alias raised the hit. */
function EntryName({
  value,
  matched,
  weak,
  pairs,
}: {
  value: string;
  matched: string | undefined;
  weak?: boolean;
  pairs: AlignedPair[];
}) {
  const suffix = weak ? ' (weak alias)' : '';
  return same(value, matched) ? (
    <mark title="the name the match was made on">
      <AlignedName name={value} pairs={pairs} side="list" />
      {suffix}
    </mark>
  ) : (
    <span>{`${value}${suffix}`}</span>
  );
}

function Row({ label, party, entry }: { label: string; party: ComponentChildren; entry: ComponentChildren }) {
  // A row empty on both sides says nothing and pushes the evidence off the screen.
  if (!party && !entry && label !== 'Name') return null;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{party || <span class="muted">—</span>}</td>
      <td>{entry || <span class="muted">—</span>}</td>
    </tr>
  );
}

function ScoreBar({ score }: { score: number }) {
  const v = Math.max(0, Math.min(1, score));
  return (
    <span class="score">
      <meter min={0} max={1} value={v} aria-label={`score ${pct(v)}`} />
      <span>{pct(v)}</span>
    </span>
  );
}

export function FindingCard({
  api,
  finding: f,
  party,
  staleNote,
  children,
}: {
  api: ApiClient;
  finding: Finding;
  party: Party | undefined;
  /** The screening's note that this finding's list was stale when screened: the entry may have changed since. */
  staleNote?: Finding | undefined;
  children?: ComponentChildren;
}) {
  return (
    <article class={`finding severity-${f.severity}`} aria-labelledby={`finding-${f.id}`}>
      <header>
        <h3 id={`finding-${f.id}`}>
          <span class={`badge severity-${f.severity}`}>{f.severity}</span> {f.kind.replace('_', ' ')}
          {f.source && <span class="muted"> · {f.source}</span>}
          {staleNote && staleNote.id !== f.id && (
            <span class="badge stale stale-list" title={staleNote.reason}>
              stale list
            </span>
          )}
          {f.score !== undefined && <ScoreBar score={f.score} />}
        </h3>
        <p class="reason">{f.reason}</p>
        {f.suppressed && (
          <p class="state notice">
            Suppressed by a remembered false positive ({f.suppressed.by}, {when(f.suppressed.at)}):{' '}
            {f.suppressed.note}
          </p>
        )}
        {f.licensed && (
          <p class="state notice">
            Licensed under {f.licensed.number} ({f.licensed.authority}, {f.licensed.regime}
            {f.licensed.validTo && `, valid to ${f.licensed.validTo}`}): this finding does not raise the
            decision.
          </p>
        )}
        {f.licenceChecks?.map((c) => (
          <p class="muted" key={c.licenceId}>
            Not applied: {c.reason}
          </p>
        ))}
      </header>
      {f.kind === 'party_match' && f.source && f.entry && <Comparison api={api} finding={f} party={party} />}
      {f.kind === 'red_flag' && <RedFlagFacts finding={f} />}
      {f.explanation && f.explanation.length > 0 && (
        <table class="evidence">
          <caption>Evidence</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Score</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {f.explanation.map((p) => (
              <tr key={p.part}>
                <th scope="row">{p.part.replace('_', ' ')}</th>
                <td>
                  <ScoreBar score={p.score} />
                </td>
                <td>{p.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {f.legalBasis && (
        <dl class="legal">
          <dt>Legal basis</dt>
          <dd>
            {f.legalBasis.act}
            {f.legalBasis.provision && ` — ${f.legalBasis.provision}`}
            {f.legalBasis.citation && <div class="muted">{f.legalBasis.citation}</div>}
            {f.legalBasis.inForce && <div class="muted">in force since {f.legalBasis.inForce}</div>}
            {f.legalBasis.url && (
              <div>
                <a href={f.legalBasis.url} target="_blank" rel="noopener noreferrer">
                  Read at the authority ↗
                </a>
              </div>
            )}
          </dd>
        </dl>
      )}
      {children}
    </article>
  );
}

/** The screened party and the list entry side by side, row by row, from the full entry of the active version. */
function Comparison({
  api,
  finding: f,
  party,
}: {
  api: ApiClient;
  finding: Finding;
  party: Party | undefined;
}) {
  const source = f.source!;
  const entryRef = f.entry!;
  const [entry] = useLoad(
    () =>
      api.get<ListEntry>(`/lists/${encodeURIComponent(source)}/entries/${encodeURIComponent(entryRef.id)}`),
    [api, source, entryRef.id],
  );
  if (entry.state === 'loading') return <Loading what="the list entry" />;
  const e: Partial<ListEntry> = entry.state === 'ready' ? entry.data : {};
  const aliases = (e.aliases ?? []) as EntryAlias[];
  const ids = (e.identifiers ?? []) as EntryIdentifier[];
  const programs = e.programs ?? entryRef.programs ?? [];
  const url = e.url ?? entryRef.url;
  const pairs = alignedPairs(f.explanation?.find((p) => p.part === 'name')?.detail);
  return (
    <>
      {entry.state === 'error' && <ErrorNotice error={entry.error} />}
      <table class="comparison">
        <caption>
          Party {f.partyIndex !== undefined ? f.partyIndex + 1 : ''} against {source} entry {entryRef.id}
          <span class="muted"> (entry as in the active list version)</span>
        </caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Screened party</th>
            <th scope="col">List entry</th>
          </tr>
        </thead>
        <tbody>
          <Row
            label="Name"
            party={party?.name && <AlignedName name={party.name} pairs={pairs} side="query" />}
            entry={<EntryName value={e.name ?? entryRef.name} matched={f.matchedName} pairs={pairs} />}
          />
          <Row
            label="Aliases"
            party={party?.aliases?.map((a, i) => (
              <span key={a}>
                {i > 0 && ' · '}
                <AlignedName name={a} pairs={pairs} side="query" />
              </span>
            ))}
            entry={
              aliases.length > 0 && (
                <ul class="names">
                  {aliases.map((a) => (
                    <li key={a.value}>
                      <EntryName
                        value={a.value ?? ''}
                        matched={f.matchedName}
                        weak={a.quality === 'weak'}
                        pairs={pairs}
                      />
                    </li>
                  ))}
                </ul>
              )
            }
          />
          <Row label="Kind" party={party?.kind} entry={e.kind ?? entryRef.kind} />
          <Row label="Country" party={party?.country} entry={e.countries?.join(', ')} />
          <Row
            label="Identifiers"
            party={party?.identifiers
              ?.map((i) => `${i.scheme} ${i.value}${i.country ? ` (${i.country})` : ''}`)
              .join('; ')}
            entry={ids.map((i) => `${i.type} ${i.value}${i.country ? ` (${i.country})` : ''}`).join('; ')}
          />
          <Row label="Birth date" party={party?.birthDate} entry={e.birthDates?.join(', ')} />
          <Row label="Programs" party="" entry={programs.join(', ')} />
          <Row label="Listed on" party="" entry={e.listedOn ?? entryRef.listedOn} />
          <Row
            label="Address"
            party={party?.address}
            entry={((e.addresses ?? []) as { full?: string }[]).map((a) => a.full).join('; ')}
          />
          <Row label="Remarks" party="" entry={e.remarks} />
        </tbody>
      </table>
      {url && (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            Entry {entryRef.id} at the authority ↗
          </a>
        </p>
      )}
    </>
  );
}
