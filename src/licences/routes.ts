import { Router } from 'express';
import { principalOf, type RouteRegistrar } from '../http/operation.ts';
import type { DrawdownRequest, LicenceRequest } from './licence.ts';
import type { LicenceService } from './licence-service.ts';

export function licenceRoutes(route: RouteRegistrar, licences: LicenceService): Router {
  const router = Router();
  route(router, 'createLicence', async (req, res) => {
    res.status(201).json(await licences.create(principalOf(res), req.body as LicenceRequest));
  });
  route(router, 'listLicences', async (req, res) => {
    const cursor = typeof req.query.cursor === 'string' ? req.query.cursor : undefined;
    res.json(await licences.list(principalOf(res), cursor, Number(req.query.limit ?? 50)));
  });
  route(router, 'getLicence', async (req, res) => {
    res.json(await licences.get(principalOf(res), req.params.licenceId as string));
  });
  route(router, 'revokeLicence', async (req, res) => {
    const { reason } = req.body as { reason: string };
    res.json(await licences.revoke(principalOf(res), req.params.licenceId as string, reason));
  });
  route(router, 'createLicenceDrawdown', async (req, res) => {
    const body = req.body as DrawdownRequest;
    res.status(201).json(await licences.drawDown(principalOf(res), req.params.licenceId as string, body));
  });
  return router;
}
