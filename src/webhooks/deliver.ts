import type { OutboundPolicy } from '../http/outbound-url.ts';
import type { Logger } from '../logger.ts';
import { sendSigned } from './send-signed.ts';
import type { WebhookStore } from './webhook-store.ts';

export interface DeliverDeps {
  store: WebhookStore;
  timeoutMs: number;
  log: Logger;
  outbound: OutboundPolicy;
}

/**
 * One attempt at one delivery. A non-2xx answer, a timeout or a refused connection is recorded and thrown, so
 * the queue retries with backoff; the last allowed attempt marks the delivery failed. A destination the SSRF
 * guard refuses fails the delivery at once, reason recorded: retrying would meet the same addresses. A delivery already
 * delivered (a duplicate job) is not sent again.
 */
export async function deliverWebhook(
  deps: DeliverDeps,
  deliveryId: string,
  isLastAttempt: boolean,
): Promise<{ status: 'delivered' | 'skipped' | 'refused' }> {
  const d = await deps.store.delivery(deliveryId);
  if (d?.status !== 'pending') return { status: 'skipped' };
  const hook = await deps.store.get(d.tenantId);
  if (!hook) {
    await deps.store.recordAttempt(d.id, {
      statusCode: null,
      error: 'no webhook endpoint is configured',
      status: 'failed',
    });
    return { status: 'skipped' };
  }
  const body = JSON.stringify({ id: d.id, event: d.event, createdAt: d.createdAt, data: d.payload });
  const { statusCode, error, refused } = await sendSigned({
    url: hook.url,
    secret: hook.secret,
    body,
    headers: { 'X-Tradescreen-Delivery': d.id },
    timeoutMs: deps.timeoutMs,
    policy: deps.outbound,
  });
  const ok = error === null;
  await deps.store.recordAttempt(d.id, {
    statusCode,
    error,
    status: ok ? 'delivered' : isLastAttempt || refused ? 'failed' : 'pending',
  });
  if (refused) {
    deps.log.warn({ delivery: d.id, tenant: d.tenantId, reason: error }, 'webhook delivery refused');
    return { status: 'refused' };
  }
  if (!ok) throw new Error(`webhook delivery ${d.id} failed: ${error}`);
  deps.log.info({ delivery: d.id, tenant: d.tenantId }, 'webhook delivered');
  return { status: 'delivered' };
}
