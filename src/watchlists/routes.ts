import { Router } from 'express';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import { type WatchlistService, watchlistView } from './watchlist-service.ts';

export function watchlistRoutes(route: RouteRegistrar, watchlists: WatchlistService): Router {
  const router = Router();
  route(router, 'listWatchlists', async (_req, res) => {
    res.json({ items: (await watchlists.list(principalOf(res))).map(watchlistView) });
  });
  route(router, 'createWatchlist', async (req, res) => {
    res.status(201).json(watchlistView(await watchlists.create(principalOf(res), req.body)));
  });
  route(router, 'deleteWatchlist', async (req, res) => {
    await watchlists.remove(principalOf(res), req.params.watchlistId as string);
    res.status(204).end();
  });
  route(router, 'uploadWatchlistEntries', async (req, res) => {
    // JSON arrives parsed (and schema-checked); the upload parser reads text in either format.
    const body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    res.json(
      await watchlists.upload(
        principalOf(res),
        req.params.watchlistId as string,
        body,
        req.headers['content-type'] ?? '',
      ),
    );
  });
  return router;
}
