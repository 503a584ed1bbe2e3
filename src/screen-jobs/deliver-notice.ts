import type { Logger } from '../logger.ts';
import { SIGNATURE_HEADER, sign, TIMESTAMP_HEADER } from '../webhooks/signature.ts';
import type { ScreenJobStore } from './screen-job-store.ts';
import { jobView } from './types.ts';

export interface NoticeDeps {
  store: ScreenJobStore;
  timeoutMs: number;
  log: Logger;
}

/**
 * One attempt at POSTing a finished job's notice to its callbackUrl, signed like tenant webhooks with the job's
 * own secret (shown once, in the upload's answer). A failure is recorded and thrown so the queue retries with
 * backoff; the last allowed attempt marks the callback failed. A delivered callback is never sent again.
 */
export async function deliverNotice(
  deps: NoticeDeps,
  jobId: string,
  isLastAttempt: boolean,
): Promise<{ status: 'delivered' | 'skipped' }> {
  const job = await deps.store.get(jobId);
  if (!job?.callbackUrl || !job.callbackSecret || job.callbackStatus !== 'pending')
    return { status: 'skipped' };
  const body = JSON.stringify({ event: `screen_job.${job.status}`, job: jobView(job) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(job.callbackUrl, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'tradescreen-webhooks/1',
        'X-Tradescreen-Screen-Job': job.id,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: sign(job.callbackSecret, timestamp, body),
      },
      body,
      // A redirect would send the signed notice somewhere the caller did not name.
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    statusCode = res.status;
    await res.body?.cancel().catch(() => {});
    if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
  } catch (err) {
    error = (err as Error).message.slice(0, 500);
  }
  const ok = error === null;
  await deps.store.recordCallbackAttempt(jobId, {
    statusCode,
    error,
    status: ok ? 'delivered' : isLastAttempt ? 'failed' : 'pending',
  });
  if (!ok) throw new Error(`screen job ${jobId} callback failed: ${error}`);
  deps.log.info({ job: jobId }, 'screen job callback delivered');
  return { status: 'delivered' };
}
