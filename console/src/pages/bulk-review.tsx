import { useState } from 'preact/hooks';
import { type ApiClient, ApiFailure, describeFailure } from '../api.ts';
import type { Disposition, Finding, Review } from '../api-types.ts';
import { FormMessage, ReviewFields } from '../components/review-fields.tsx';
import { DISPOSITION_LABEL } from '../format.ts';

/**
 * Findings still waiting for a disposition: those that could raise the decision (not suppressed, not licensed
 * away), whose latest review is none or an escalation. A four-eyes clearance waiting for its second reviewer
 * counts as disposed here; the card shows it, and the API refuses the same person twice anyway.
 */
export function remainingFindings(findings: Finding[], reviews: Review[]): Finding[] {
  const latest = new Map<string, Disposition>();
  for (const r of reviews) latest.set(r.findingId, r.disposition);
  return findings.filter(
    (f) =>
      !f.suppressed &&
      !f.licensed &&
      (f.severity === 'review' || f.severity === 'block') &&
      (latest.get(f.id) ?? 'escalate') === 'escalate',
  );
}

/**
 * "Resolve the remaining N findings" with one note and one disposition: the API records one audited review per
 * finding (POST /screenings/{id}/reviews/bulk), all or none, so this is six forms' work without six forms.
 */
export function BulkReviewForm({
  api,
  screeningId,
  remaining,
  onRecorded,
  onForbidden,
}: {
  api: ApiClient;
  screeningId: string;
  remaining: Finding[];
  onRecorded: () => void;
  onForbidden: () => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const n = remaining.length;

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const disposition = (e.submitter as HTMLButtonElement | null)?.value as Disposition | undefined;
    if (!disposition) return;
    if (!note.trim()) {
      setMessage({ kind: 'error', text: 'Write a note: it is recorded with every one of these reviews.' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const { items } = await api.post<{ items: Review[] }>(`/screenings/${screeningId}/reviews/bulk`, {
        findingIds: remaining.map((f) => f.id),
        disposition,
        note: note.trim(),
      });
      setNote('');
      setMessage({
        kind: 'ok',
        text: `Recorded ${items.length} reviews: ${DISPOSITION_LABEL[disposition]}.`,
      });
      onRecorded();
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 403) onForbidden();
      setMessage({ kind: 'error', text: describeFailure(err) });
    } finally {
      setBusy(false);
    }
  }

  if (n < 2 && !message) return null;
  return (
    <form class="bulk-review" onSubmit={(e) => submit(e as SubmitEvent)} aria-labelledby="bulk-title">
      <h3 id="bulk-title">
        {n >= 2 ? `Resolve the remaining ${n} findings` : 'Remaining findings resolved'}
      </h3>
      {n >= 2 && (
        <>
          <p class="muted">
            One note and one disposition for each of:{' '}
            {remaining.map((f) => f.entry?.name ?? f.id).join(' · ')}. Each finding gets its own review in the
            audit log.
          </p>
          <ReviewFields
            noteId="bulk-note"
            noteLabel={`Note for all ${n} findings (required)`}
            note={note}
            setNote={setNote}
            busy={busy}
            buttonText={(d) => `${DISPOSITION_LABEL[d]}: all ${n}`}
          />
        </>
      )}
      <FormMessage message={message} />
    </form>
  );
}
