// Operator command: npm run tenant:create -- <tenant-id> "<name>" [--person "<full name>" <e-mail>]
//   → prints the tenant's first key once. It holds every tenant scope and never `operator`: shared lists are the
//   operator's (npm run operator:key). With --person the key belongs to that person and signs their reviews.

import { createTenantService } from '../src/auth/tenant-service.ts';
import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { loadSpec } from '../src/http/openapi-spec.ts';
import { createAjv } from '../src/http/schema-compiler.ts';
import { createLogger } from '../src/logger.ts';

const USAGE = 'usage: npm run tenant:create -- <tenant-id> "<name>" [--person "<full name>" <e-mail>]';
const [id, name, flag, personName, personEmail, ...extra] = process.argv.slice(2);
if (
  !id ||
  !name ||
  (flag !== undefined && (flag !== '--person' || !personName || !personEmail)) ||
  extra.length
) {
  console.error(USAGE);
  process.exit(2);
}
const person = personName && personEmail ? { name: personName, email: personEmail } : undefined;
// The same rules as POST /keys: the contract's Person schema, not a second copy of them.
const validPerson = createAjv(loadSpec(), { coerce: false }).compile({ $ref: 'spec#/$defs/Person' });
if (person && !validPerson(person)) {
  console.error(`--person: ${validPerson.errors?.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
  process.exit(2);
}
const config = loadConfig({ ...process.env, RUN_WORKERS: 'false' });
// Beside a running `npm start` on the embedded database, join its PostgreSQL as a client: never stop it.
const container = await createContainer(config, createLogger('warn'), { joinRunningEmbedded: true });
try {
  const { key } = await createTenantService(container.pool, container.keys).create(id, name, person);
  console.log(JSON.stringify({ tenant: id, keyId: key.id, key: key.key, person: key.person }, null, 2));
} finally {
  await container.close();
}
