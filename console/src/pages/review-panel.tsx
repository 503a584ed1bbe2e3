import { useState } from 'preact/hooks';
import { type ApiClient, ApiFailure, describeFailure } from '../api.ts';
import type { Disposition, Finding, Review } from '../api-types.ts';
import { FormMessage, ReviewFields } from '../components/review-fields.tsx';
import { Empty, ErrorNotice, isNotServed, Loading, NotServed } from '../components/states.tsx';
import type { Load } from '../components/use-load.ts';
import { DISPOSITION_LABEL, when } from '../format.ts';

/** Recording a disposition of one finding; the note is mandatory because it is the officer's audit trail. */
export function ReviewForm({
  api,
  reviewPath,
  finding,
  onRecorded,
  onForbidden,
}: {
  api: ApiClient;
  /** `/screenings/{id}/reviews` or `/alerts/{id}/reviews`: both take the same review body. */
  reviewPath: string;
  finding: Finding;
  onRecorded: (r: Review) => void;
  onForbidden: () => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const noteId = `note-${finding.id}`;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const disposition = (e.submitter as HTMLButtonElement | null)?.value as Disposition | undefined;
    if (!disposition) return;
    if (!note.trim()) {
      setMessage({ kind: 'error', text: 'Write a note: it is the record of why you decided.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const review = await api.post<Review>(reviewPath, {
        findingId: finding.id,
        disposition,
        note: note.trim(),
      });
      setNote('');
      setMessage({ kind: 'ok', text: `Recorded: ${DISPOSITION_LABEL[disposition]}.` });
      onRecorded(review);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 403) onForbidden();
      setMessage({ kind: 'error', text: describeFailure(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      class="review-form"
      onSubmit={(e) => submit(e as SubmitEvent)}
      aria-label={`Review of ${finding.id}`}
    >
      <ReviewFields
        noteId={noteId}
        noteLabel="Review note (required)"
        note={note}
        setNote={setNote}
        busy={busy}
      />
      <FormMessage message={message} />
    </form>
  );
}

export function ReviewHistory({ reviews, findings }: { reviews: Load<Review[]>; findings: Finding[] }) {
  if (reviews.state === 'loading') return <Loading what="the review history" />;
  if (reviews.state === 'error')
    return isNotServed(reviews.error) ? (
      <NotServed operation="GET /screenings/{id}/reviews" />
    ) : (
      <ErrorNotice error={reviews.error} />
    );
  if (reviews.data.length === 0) return <Empty>No review recorded yet.</Empty>;
  const label = (id: string) => findings.find((f) => f.id === id)?.entry?.name ?? id;
  return (
    <ol class="history">
      {reviews.data.map((r) => (
        <li key={r.id}>
          <div>
            <strong class={`disposition-${r.disposition}`}>{DISPOSITION_LABEL[r.disposition]}</strong> on{' '}
            <span title={r.findingId}>{label(r.findingId)}</span>
          </div>
          <div class="muted">
            {when(r.createdAt)} · reviewed by {r.reviewedBy ?? `key ${r.reviewerKeyId}`}
          </div>
          <blockquote>{r.note}</blockquote>
        </li>
      ))}
    </ol>
  );
}

/** The disposition already recorded on a finding, shown where the officer would otherwise act on it again. */
export function LatestReview({ reviews, findingId }: { reviews: Review[]; findingId: string }) {
  const mine = reviews.filter((r) => r.findingId === findingId);
  const last = mine[mine.length - 1];
  if (!last) return null;
  return (
    <p class={`latest-review disposition-${last.disposition}`}>
      <strong>{DISPOSITION_LABEL[last.disposition]}</strong> recorded {when(last.createdAt)} by{' '}
      {last.reviewedBy ?? `key ${last.reviewerKeyId}`}
      {mine.length > 1 && ` (${mine.length} reviews)`}: “{last.note}”
    </p>
  );
}
