import type { OutboundPolicy } from '../http/outbound-url.ts';
import type { Logger } from '../logger.ts';
import { sendSigned } from '../webhooks/send-signed.ts';
import type { ScreenJobStore } from './screen-job-store.ts';
import { jobView } from './types.ts';

export interface NoticeDeps {
  store: ScreenJobStore;
  timeoutMs: number;
  log: Logger;
  outbound: OutboundPolicy;
}

/**
 * One attempt at POSTing a finished job's notice to its callbackUrl, signed like tenant webhooks with the job's
 * own secret (shown once, in the upload's answer). A failure is recorded and thrown so the queue retries with
 * backoff; the last allowed attempt marks the callback failed; a destination the
 * SSRF guard refuses fails it at once. A delivered callback is never sent again.
 */
export async function deliverNotice(
  deps: NoticeDeps,
  jobId: string,
  isLastAttempt: boolean,
): Promise<{ status: 'delivered' | 'skipped' | 'refused' }> {
  const job = await deps.store.get(jobId);
  if (!job?.callbackUrl || !job.callbackSecret || job.callbackStatus !== 'pending')
    return { status: 'skipped' };
  const body = JSON.stringify({ event: `screen_job.${job.status}`, job: jobView(job) });
  const { statusCode, error, refused } = await sendSigned({
    url: job.callbackUrl,
    secret: job.callbackSecret,
    body,
    headers: { 'X-Tradescreen-Screen-Job': job.id },
    timeoutMs: deps.timeoutMs,
    policy: deps.outbound,
  });
  const ok = error === null;
  await deps.store.recordCallbackAttempt(jobId, {
    statusCode,
    error,
    status: ok ? 'delivered' : isLastAttempt || refused ? 'failed' : 'pending',
  });
  if (refused) {
    deps.log.warn({ job: jobId, reason: error }, 'screen job callback refused');
    return { status: 'refused' };
  }
  if (!ok) throw new Error(`screen job ${jobId} callback failed: ${error}`);
  deps.log.info({ job: jobId }, 'screen job callback delivered');
  return { status: 'delivered' };
}
