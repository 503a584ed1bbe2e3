import type { Disposition } from '../api-types.ts';
import { DISPOSITION_LABEL } from '../format.ts';

const DISPOSITIONS: readonly Disposition[] = ['false_positive', 'true_match', 'escalate'];

/**
 * The note and the three disposition buttons of a review, for one finding (review-panel.tsx) or the remaining
 * ones at once (bulk-review.tsx): the same mandatory note, the same buttons, so an officer meets one form.
 */
export function ReviewFields({
  noteId,
  noteLabel,
  note,
  setNote,
  busy,
  buttonText = (d) => DISPOSITION_LABEL[d],
}: {
  noteId: string;
  noteLabel: string;
  note: string;
  setNote: (note: string) => void;
  busy: boolean;
  buttonText?: (d: Disposition) => string;
}) {
  return (
    <>
      <label for={noteId}>{noteLabel}</label>
      <textarea
        id={noteId}
        name="note"
        rows={2}
        maxLength={5000}
        required
        value={note}
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
      />
      <div class="review-actions">
        {DISPOSITIONS.map((d) => (
          <button
            key={d}
            type="submit"
            name="disposition"
            value={d}
            class={`disposition-${d}`}
            disabled={busy}
          >
            {buttonText(d)}
          </button>
        ))}
      </div>
    </>
  );
}

/** What became of the last submission: read out as a status, or as an alert when it failed. */
export function FormMessage({ message }: { message: { kind: 'ok' | 'error'; text: string } | null }) {
  if (!message) return null;
  return (
    <p
      class={`state ${message.kind === 'ok' ? 'success' : 'error'}`}
      role={message.kind === 'ok' ? 'status' : 'alert'}
    >
      {message.text}
    </p>
  );
}
