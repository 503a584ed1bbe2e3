import type { RowCheck } from '../audit/verify-report.ts';
import type { Pool } from '../db/pool.ts';
import type { GoodsLicensing } from '../screening/goods-licensing.ts';
import { createGoodsLicensing } from './apply-licences.ts';
import { createLicenceService, type LicenceService } from './licence-service.ts';
import { createLicenceCheck } from './licence-verify.ts';

export interface LicencesModule {
  service: LicenceService;
  /** Given to the screening service as its `licensing` dependency. */
  licensing: GoodsLicensing;
  /** GET /audit/verify's check of the licences table (a fresh one per walk). */
  check: () => RowCheck;
}

export function createLicencesModule(deps: { pool: Pool }): LicencesModule {
  const service = createLicenceService(deps);
  return {
    service,
    licensing: createGoodsLicensing(service.forScreening),
    check: () => createLicenceCheck(deps.pool),
  };
}
