// Operator command: npm run tenant:create -- <tenant-id> "<name>"  → prints the tenant's first key once.
// It holds every tenant scope and never `operator`: shared lists are the operator's (npm run operator:key).

import { createTenantService } from '../src/auth/tenant-service.ts';
import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { createLogger } from '../src/logger.ts';

const [id, name] = process.argv.slice(2);
if (!id || !name) {
  console.error('usage: npm run tenant:create -- <tenant-id> "<name>"');
  process.exit(2);
}
const config = loadConfig({ ...process.env, RUN_WORKERS: 'false' });
// Beside a running `npm start` on the embedded database, join its PostgreSQL as a client: never stop it.
const container = await createContainer(config, createLogger('warn'), { joinRunningEmbedded: true });
try {
  const { key } = await createTenantService(container.pool, container.keys).create(id, name);
  console.log(JSON.stringify({ tenant: id, keyId: key.id, key: key.key }, null, 2));
} finally {
  await container.close();
}
