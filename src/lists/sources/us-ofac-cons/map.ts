import type { MapResult } from '../us-ofac-sdn/entity-parts.ts';
import { mapLegacyRecord } from '../us-ofac-sdn/map.ts';
import { mapEnhancedEntity } from '../us-ofac-sdn/map-enhanced.ts';
import type { LegacyRecord } from '../us-ofac-sdn/parse.ts';
import type { OfacXmlRecord } from '../us-ofac-sdn/parse-xml.ts';

export const SOURCE_ID = 'us-ofac-cons';

// The consolidated list uses the SDN list's layouts field for field (CONS_PRIM.CSV is sdn.csv's layout,
// CONS_ENHANCED.XML is ENHANCED_XML), so only the source id differs.
export function mapConsCsvRecord(record: LegacyRecord): MapResult {
  return mapLegacyRecord(record, SOURCE_ID);
}

export function mapConsXmlRecord(record: OfacXmlRecord): MapResult {
  if (record.format === 'enhanced') return mapEnhancedEntity(record.entity, SOURCE_ID);
  return { skipped: 'a legacy sdnEntry in a consolidated ENHANCED_XML file' };
}
