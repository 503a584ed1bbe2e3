import type { Pool } from '../db/pool.ts';
import type { GoodsLicensing } from '../screening/goods-licensing.ts';
import { createGoodsLicensing } from './apply-licences.ts';
import { createLicenceService, type LicenceService } from './licence-service.ts';

export interface LicencesModule {
  service: LicenceService;
  /** Given to the screening service as its `licensing` dependency. */
  licensing: GoodsLicensing;
}

export function createLicencesModule(deps: { pool: Pool }): LicencesModule {
  const service = createLicenceService(deps);
  return { service, licensing: createGoodsLicensing(service.forScreening) };
}
