import type { SourceFile } from '../../../entity/list-entity.ts';

/**
 * OpenSanctions publishes its Official Journal transcriptions in its public GitHub repository, one CSV per
 * framework act (consolidated/) and one per amending act (amendments/). There is no official EU file in this
 * layout; the official machine-readable list is the FSF one (source `eu-fsf`).
 * Licence: CC BY-NC 4.0 — commercial use of the data needs OpenSanctions' licence.
 */
const BASE =
  'https://raw.githubusercontent.com/opensanctions/opensanctions/main/datasets/eu/journal_sanctions/data';

/** Framework acts whose annexes list persons, entities, vessels or assets (CELEX numbers). */
const FRAMEWORK_ACTS = [
  '32001R2580',
  '32002R0881',
  '32003R1210',
  '32004R0314',
  '32005R1183',
  '32006R0305',
  '32006R0765',
  '32009R1284',
  '32010D0573',
  '32010R0356',
  '32011D0173',
  '32011R0101',
  '32011R0359',
  '32011R0753',
  '32012R0036',
  '32012R0267',
  '32012R0377',
  '32013R0401',
  '32014R0208',
  '32014R0224',
  '32014R0269',
  '32014R0747',
  '32014R0833',
  '32014R1352',
  '32015R0735',
  '32015R1755',
  '32016R0044',
  '32016R1686',
  '32017R1509',
  '32017R1770',
  '32017R2063',
  '32018R1542',
  '32019R0796',
  '32019R1716',
  '32019R1890',
  '32020R1998',
  '32022R2309',
  '32023R0888',
  '32023R1529',
  '32023R2147',
  '32023R2406',
  '32024R0287',
  '32024R0386',
  '32024R1485',
  '32024R2642',
];

/**
 * Amending acts not yet folded into the consolidated texts above. The set changes with every new act (and
 * OpenSanctions retires an amendment once it reaches the consolidated text), so each one is optional.
 */
const AMENDING_ACTS = [
  '32026R1720',
  '32026R1817',
  '32026R1843',
  '32026R1846',
  '32026R1848',
  '32026R1880',
  '32026R1883',
  '32026R1895',
  '32026R1940',
  '32026R1941',
  '32026R1960',
];

export const files: SourceFile[] = [
  ...FRAMEWORK_ACTS.map((celex) => ({
    url: `${BASE}/consolidated/${celex}.csv`,
    fileName: `consolidated/${celex}.csv`,
  })),
  ...AMENDING_ACTS.map((celex) => ({
    url: `${BASE}/amendments/${celex}.csv`,
    fileName: `amendments/${celex}.csv`,
    optional: true,
  })),
];
