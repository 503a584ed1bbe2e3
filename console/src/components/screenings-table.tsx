import type { ScreeningSummary } from '../api-types.ts';
import { ago, when } from '../format.ts';
import { href } from '../router.ts';
import { DecisionBadge, StatusBadge } from './states.tsx';

/** The screenings table the queue and the audit log share; the queue adds how long each has waited. */
export function ScreeningsTable({
  items,
  showAge = false,
  busy = false,
}: {
  items: ScreeningSummary[];
  showAge?: boolean;
  busy?: boolean;
}) {
  return (
    <table class="data" aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">Screened</th>
          <th scope="col">Decision</th>
          <th scope="col">Reference</th>
          <th scope="col">Parties</th>
          <th scope="col">Strongest finding</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <td>
              {when(s.screenedAt)}
              {showAge && <div class="muted">{ago(s.screenedAt)}</div>}
            </td>
            <td>
              <DecisionBadge decision={s.decision} />
            </td>
            <td>
              <a href={href(`screenings/${s.id}`)}>
                {s.reference || <span class="muted">(no reference)</span>}
              </a>
            </td>
            <td>{s.partyNames.join(' · ')}</td>
            <td>{s.topFinding ?? <span class="muted">—</span>}</td>
            <td>
              <StatusBadge status={s.reviewStatus} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
