import type { ControlRule } from '../../src/goods/index.ts';
import type { LicenceRecord } from '../../src/licences/licence.ts';

/** The shipped EU Annex I rule's shape (src/goods/data/dual-use.csv), for pure tests. */
export const EU_ANNEX_I: ControlRule = {
  id: 'dual-use:eu-annex-i',
  list: 'dual-use',
  kind: 'control',
  jurisdiction: 'EU',
  tier: 'Annex I',
  description: 'Any item of the EU dual-use list',
  legalBasis: { act: 'Regulation (EU) 2021/821', provision: 'Art. 3(1) and Annex I', inForce: '2021-09-09' },
  citation: 'Reg. (EU) 2021/821 Art. 3 and Annex I',
  sourceUrl: 'https://eur-lex.europa.eu/eli/reg/2021/821/oj',
  subject: 'control-number',
  regime: 'EU',
  controlNumberPattern: '^[0-9][A-E][0-4][0-9]{2}',
};

/** An invented licence: EU, 5A002, to a Chinese consignee, for 2026. */
export function licenceRecord(over: Partial<LicenceRecord> = {}): LicenceRecord {
  return {
    id: '01900000-0000-7000-8000-000000000001',
    tenantId: 'default',
    number: 'EXP-1',
    authority: 'BAFA',
    regime: 'EU',
    goods: [{ controlNumber: '5A002' }],
    destination: 'CN',
    consignee: 'Shenzhen Example Telecom Co., Ltd.',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    createdAt: '2025-12-20T09:00:00.000Z',
    createdBy: 'key_1',
    revokedAt: null,
    revokedBy: null,
    revocationReason: null,
    quantityUsed: 0,
    valueUsed: 0,
    ...over,
  };
}
