import { Router } from 'express';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import { type GoodsTableService, goodsTableView } from './goods-table-service.ts';

export function goodsTableRoutes(route: RouteRegistrar, tables: GoodsTableService): Router {
  const router = Router();
  route(router, 'listGoodsTables', async (_req, res) => {
    res.json({ items: (await tables.list(principalOf(res))).map(goodsTableView) });
  });
  route(router, 'createGoodsTable', async (req, res) => {
    res.status(201).json(goodsTableView(await tables.create(principalOf(res), req.body)));
  });
  route(router, 'getGoodsTable', async (req, res) => {
    res.json(await tables.get(principalOf(res), req.params.tableId as string));
  });
  route(router, 'uploadGoodsTableRows', async (req, res) => {
    res.json(await tables.upload(principalOf(res), req.params.tableId as string, req.body));
  });
  route(router, 'getGoodsTableVersion', async (req, res) => {
    const version = Number(req.params.version);
    res.json(await tables.version(principalOf(res), req.params.tableId as string, version));
  });
  return router;
}
