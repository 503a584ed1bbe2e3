import { fromListSource, type VersionedSource } from '../entity/versioned-source.ts';
import { source as euFsf } from './sources/eu-fsf/index.ts';
import { source as euOj } from './sources/eu-oj/index.ts';
import { source as openSanctions } from './sources/opensanctions/index.ts';
import { source as ukHmt } from './sources/uk-hmt/index.ts';
import { source as unSc } from './sources/un-sc/index.ts';
import { source as usBisDpl } from './sources/us-bis-dpl/index.ts';
import { source as usCsl } from './sources/us-csl/index.ts';
import { source as usOfacCons } from './sources/us-ofac-cons/index.ts';
import { source as usOfacSdn } from './sources/us-ofac-sdn/index.ts';

/** Every built-in list, by stable id. Order is the order the console and GET /lists show them in. */
export const BUILT_IN_SOURCES: VersionedSource[] = [
  fromListSource(usOfacSdn),
  fromListSource(usOfacCons),
  // The EU's consolidated list twice: the official FSF file (fetched from the Commission) and the Official
  // Journal transcription (eu-oj). Either one loaded makes the service ready (list-readiness.ts), so an
  // offline install without the FSF file still starts, degraded, naming it.
  fromListSource(euFsf, { coverage: 'eu' }),
  fromListSource(euOj, { coverage: 'eu' }),
  fromListSource(unSc),
  fromListSource(ukHmt),
  fromListSource(usCsl),
  fromListSource(usBisDpl),
  // OpenSanctions data needs a commercial licence: off unless enabled explicitly.
  fromListSource(openSanctions, { enabledByDefault: false }),
];
