import type { ScreeningSummary } from '../api-types.ts';
import { when } from '../format.ts';
import { href } from '../router.ts';
import { DecisionBadge, StatusBadge } from './states.tsx';

/** The audit log's screenings table (the queue has its own, pages/queue-table.tsx, with ageing and claims). */
export function ScreeningsTable({ items, busy = false }: { items: ScreeningSummary[]; busy?: boolean }) {
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
            <td>{when(s.screenedAt)}</td>
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
