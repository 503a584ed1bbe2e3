import { Router } from 'express';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { WebhookService } from './webhook-service.ts';

export function webhookRoutes(route: RouteRegistrar, webhooks: WebhookService): Router {
  const router = Router();
  route(router, 'getWebhook', async (_req, res) => {
    res.json(await webhooks.get(principalOf(res)));
  });
  route(router, 'putWebhook', async (req, res) => {
    const body = req.body as { url: string; events?: string[] };
    res.json(await webhooks.put(principalOf(res), body.url, body.events));
  });
  route(router, 'listWebhookDeliveries', async (req, res) => {
    const limit = Number(req.query.limit ?? 100);
    res.json({ items: await webhooks.deliveries(principalOf(res), limit) });
  });
  return router;
}
