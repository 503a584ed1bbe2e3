import type { ComponentChildren } from 'preact';
import { ApiFailure, describeFailure } from '../api.ts';
import type { Decision, ScreeningReviewStatus } from '../api-types.ts';

export function Loading({ what }: { what: string }) {
  return (
    <p class="state loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

export function ErrorNotice({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="state error" role="alert">
      <p>{describeFailure(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A planned operation answers 404 until it is served: say what is missing instead of failing. */
export function NotServed({ operation }: { operation: string }) {
  return (
    <p class="state notice" role="status">
      This API does not serve <code>{operation}</code> yet. The console will show it as soon as the service is
      upgraded.
    </p>
  );
}

export function isNotServed(e: unknown): boolean {
  return e instanceof ApiFailure && e.notServed;
}

export function DecisionBadge({ decision }: { decision: Decision }) {
  return <span class={`badge decision-${decision}`}>{decision}</span>;
}

export function StatusBadge({ status }: { status: ScreeningReviewStatus }) {
  return <span class={`badge status-${status}`}>{status.replace('_', ' ')}</span>;
}
