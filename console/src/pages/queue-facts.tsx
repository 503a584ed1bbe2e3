import type { ApiClient } from '../api.ts';
import { ApiFailure } from '../api.ts';
import type { QueueItem } from '../api-types.ts';
import { useLoad } from '../components/use-load.ts';
import { href } from '../router.ts';

/**
 * The screening's place in the triage queue, as facts of the detail page: waiting (and with whom), resolved,
 * or superseded by a newer screening of its reference, with the link both ways. A screening that never
 * waited (a clear one) has no queue item and shows nothing.
 */
export function QueueFacts({ api, id }: { api: ApiClient; id: string }) {
  const [item] = useLoad(async () => {
    try {
      return await api.get<QueueItem>(`/queue/${id}`);
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 404) return null;
      throw e;
    }
  }, [api, id]);
  if (item.state !== 'ready' || !item.data) return null;
  const q = item.data;
  return (
    <>
      <dt>Triage queue</dt>
      <dd>
        {q.state === 'open' && (
          <>
            waiting {q.ageHours.toFixed(1)} h{q.overdue && <span class="badge overdue">overdue</span>},{' '}
            {q.assignee ? `assigned to ${q.assignee}` : 'unclaimed'}
          </>
        )}
        {q.state === 'resolved' && 'resolved'}
        {q.state === 'superseded' && q.supersededBy && (
          <>
            superseded by{' '}
            <a href={href(`screenings/${q.supersededBy}`)}>a newer screening of this reference</a>
          </>
        )}
        {q.supersedes && (
          <div>
            replaces <a href={href(`screenings/${q.supersedes}`)}>an earlier screening of this reference</a>
          </div>
        )}
      </dd>
    </>
  );
}
