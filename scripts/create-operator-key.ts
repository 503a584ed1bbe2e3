// Operator command: npm run operator:key -- "<name>"  → prints a new operator key once.
//
// An operator key refreshes, approves and activates the SHARED list sources and reads the operator audit chain
// (scopes `operator` and `audit:read`, in the operator's house tenant `default`). POST /keys can never make one:
// only this command, run with the database's credentials, and TRADESCREEN_ADMIN_KEY can.

import { loadConfig } from '../src/config.ts';
import { createContainer } from '../src/container.ts';
import { createLogger } from '../src/logger.ts';

const [name] = process.argv.slice(2);
if (!name) {
  console.error('usage: npm run operator:key -- "<name>"');
  process.exit(2);
}
const config = loadConfig({ ...process.env, RUN_WORKERS: 'false' });
const container = await createContainer(config, createLogger('warn'));
try {
  const key = await container.keys.createOperatorKey(name);
  console.log(
    JSON.stringify({ tenant: key.tenantId, keyId: key.id, scopes: key.scopes, key: key.key }, null, 2),
  );
} finally {
  await container.close();
}
