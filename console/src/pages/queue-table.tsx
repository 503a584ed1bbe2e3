import { useState } from 'preact/hooks';
import { type ApiClient, describeFailure } from '../api.ts';
import type { QueueCounts, QueueItem } from '../api-types.ts';
import { DecisionBadge, StatusBadge } from '../components/states.tsx';
import { when } from '../format.ts';
import { href } from '../router.ts';

const hours = (h: number) =>
  h < 48 ? `${h.toFixed(1)} h` : `${Math.floor(h / 24)} d ${Math.round(h % 24)} h`;

export function QueueCountsLine({ counts, slaHours }: { counts: QueueCounts; slaHours: number }) {
  return (
    <ul class="queue-counts" aria-label="Queue counts">
      <li>
        <strong>{counts.open}</strong> open
      </li>
      <li>
        <strong>{counts.inReview}</strong> in review
      </li>
      <li>
        <strong>{counts.claimed}</strong> claimed
      </li>
      <li>
        <strong>{counts.unclaimed}</strong> unclaimed
      </li>
      <li class={counts.overdue > 0 ? 'overdue' : undefined}>
        <strong>{counts.overdue}</strong> overdue (SLA {slaHours} h)
      </li>
      <li>
        <strong>{counts.byDecision.block}</strong> block
      </li>
      <li>
        <strong>{counts.byDecision.review}</strong> review
      </li>
    </ul>
  );
}

/** The queue's page of items; a reviewer claims one with a button, the table reloads after. */
export function QueueTable({
  api,
  items,
  canReview,
  busy,
  onChanged,
}: {
  api: ApiClient;
  items: QueueItem[];
  canReview: boolean;
  busy: boolean;
  onChanged: () => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  async function claim(id: string) {
    setFailure(null);
    try {
      await api.post(`/queue/${id}/claim`, undefined);
    } catch (e) {
      setFailure(describeFailure(e));
    }
    onChanged();
  }
  return (
    <>
      {failure && (
        <p class="state error" role="alert">
          {failure}
        </p>
      )}
      <table class="data" aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">Screened</th>
            <th scope="col">Decision</th>
            <th scope="col">Reference</th>
            <th scope="col">Parties</th>
            <th scope="col">Strongest finding</th>
            <th scope="col">Status</th>
            <th scope="col">Assignee</th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.screeningId}>
              <td>
                {when(s.screenedAt)}
                <div class="muted">
                  waiting {hours(s.ageHours)} {s.overdue && <span class="badge overdue">overdue</span>}
                </div>
              </td>
              <td>
                <DecisionBadge decision={s.decision} />
              </td>
              <td>
                <a href={href(`screenings/${s.screeningId}`)}>
                  {s.reference || <span class="muted">(no reference)</span>}
                </a>
              </td>
              <td>{s.partyNames.join(' · ')}</td>
              <td>{s.topFinding ?? <span class="muted">—</span>}</td>
              <td>
                <StatusBadge status={s.reviewStatus} />
                {s.supersedes && (
                  <div class="muted">
                    re-screen of <a href={href(`screenings/${s.supersedes}`)}>an earlier screening</a>
                  </div>
                )}
              </td>
              <td>
                {s.assignee ?? <span class="muted">unclaimed</span>}
                {canReview && !s.assignee && (
                  <div>
                    <button
                      type="button"
                      onClick={() => claim(s.screeningId)}
                      aria-label={`Claim ${s.reference ?? s.screeningId}`}
                    >
                      Claim
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
