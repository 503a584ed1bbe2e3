import { useState } from 'preact/hooks';
import type { ApiClient } from '../api.ts';
import type { Finding, Review, StoredScreening } from '../api-types.ts';
import { DecisionBadge, Empty, ErrorNotice, Loading, StatusBadge } from '../components/states.tsx';
import { useLoad } from '../components/use-load.ts';
import { when } from '../format.ts';
import { lastLogHref } from '../router.ts';
import type { Session } from '../session.ts';
import { BulkReviewForm, remainingFindings } from './bulk-review.tsx';
import { FindingCard } from './finding-card.tsx';
import { QueueFacts } from './queue-facts.tsx';
import { RequestView, VersionsUsed } from './request-view.tsx';
import { LatestReview, ReviewForm, ReviewHistory } from './review-panel.tsx';
import { staleNotes } from './stale-notes.ts';

/**
 * Why the screening answered what it did, before anything else on the page: the reasons of the findings that
 * raised the decision (not suppressed, not licensed away, as severe as the decision itself).
 */
function DecisionReason({
  decision,
  findings,
}: {
  decision: StoredScreening['result']['decision'];
  findings: Finding[];
}) {
  const raising = findings.filter((f) => !f.suppressed && !f.licensed && f.severity === decision);
  return (
    <section class={`decision-reason decision-${decision}`} aria-labelledby="reason-title">
      <h2 id="reason-title">Why {decision}</h2>
      {raising.length === 0 ? (
        <p>
          {findings.length === 0
            ? 'Nothing matched any list, goods rule or route rule in use.'
            : 'No finding raises the decision: those listed below are informational, suppressed or licensed.'}
        </p>
      ) : (
        <ul>
          {raising.map((f) => (
            <li key={f.id}>{f.reason}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ScreeningDetailPage({ session, id }: { session: Session; id: string }) {
  const api: ApiClient = session.api;
  const [canReview, setCanReview] = useState(session.canReview);
  const [screening, reloadScreening] = useLoad(
    () => api.get<StoredScreening>(`/screenings/${id}`),
    [api, id],
  );
  const [reviews, reloadReviews] = useLoad(
    async () => (await api.get<{ items: Review[] }>(`/screenings/${id}/reviews`)).items,
    [api, id],
  );

  if (screening.state === 'loading') return <Loading what="the screening" />;
  if (screening.state === 'error') return <ErrorNotice error={screening.error} retry={reloadScreening} />;
  const { result, request } = screening.data;
  const findings = result.findings;
  const stale = staleNotes(findings);
  const remaining = reviews.state === 'ready' ? remainingFindings(findings, reviews.data) : [];
  const recorded = () => {
    reloadReviews();
    reloadScreening();
  };
  return (
    <section aria-labelledby="detail-title">
      <p>
        <a href={lastLogHref()}>← Audit log</a>
      </p>
      <header class="page-head">
        <h1 id="detail-title">
          {result.reference ?? '(no reference)'} <DecisionBadge decision={result.decision} />{' '}
          <StatusBadge status={screening.data.reviewStatus} />
        </h1>
      </header>
      <DecisionReason decision={result.decision} findings={findings} />
      <dl class="facts">
        <dt>Screened</dt>
        <dd>{when(result.screenedAt)}</dd>
        <dt>Screening id</dt>
        <dd>
          <code>{result.id}</code>
        </dd>
        <dt>API key</dt>
        <dd>
          <code>{screening.data.apiKeyId}</code>
        </dd>
        <dt>Policy</dt>
        <dd>
          version {result.policy.version}: review ≥ {result.policy.reviewThreshold}, block ≥{' '}
          {result.policy.blockThreshold}
        </dd>
        {screening.data.outcome && (
          <>
            <dt>Outcome</dt>
            <dd>{screening.data.outcome}</dd>
          </>
        )}
        <QueueFacts api={api} id={id} />
      </dl>
      <h2>Findings ({findings.length})</h2>
      {!canReview && findings.length > 0 && (
        <p class="state notice">
          Your API key has no “review” scope: you can read this screening but not review it.
        </p>
      )}
      {findings.length === 0 ? (
        <Empty>No findings: nothing matched.</Empty>
      ) : (
        findings.map((f) => (
          <FindingCard
            key={f.id}
            api={api}
            finding={f}
            party={f.partyIndex !== undefined ? request.parties[f.partyIndex] : undefined}
            staleNote={f.source ? stale.get(f.source) : undefined}
          >
            <LatestReview reviews={reviews.state === 'ready' ? reviews.data : []} findingId={f.id} />
            {canReview && (
              <ReviewForm
                api={api}
                reviewPath={`/screenings/${result.id}/reviews`}
                finding={f}
                onRecorded={recorded}
                onForbidden={() => setCanReview(false)}
              />
            )}
          </FindingCard>
        ))
      )}
      {/* After the cards, not before: the rest is resolved once the officer has read each one. */}
      {canReview && (
        <BulkReviewForm
          api={api}
          screeningId={result.id}
          remaining={remaining}
          onRecorded={recorded}
          onForbidden={() => setCanReview(false)}
        />
      )}
      <h2>Request as sent</h2>
      <RequestView request={request} />
      <h2>Review history</h2>
      <ReviewHistory reviews={reviews} findings={findings} />
      <h2>List versions used</h2>
      <VersionsUsed versions={result.listVersions} findings={findings} />
    </section>
  );
}
