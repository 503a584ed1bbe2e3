import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { createContainer } from '../../src/container.ts';
import { refreshSource } from '../../src/lists/refresh/refresh-source.ts';
import { createLogger } from '../../src/logger.ts';

/**
 * A second version of the BIS Denied Persons List (its last five entries left out, inside the drop guardrail),
 * refreshed into the prepared database and activated: two versions the benchmark can then re-activate in turn.
 * Re-activating one changes a party list, so each activation rebuilds the match index over every list's entries,
 * as a real new version does (the index process tokenises the activated list only, unless it still holds that
 * version as the previous one, and assembles the index anew).
 */
export const SWAP_SOURCE = 'us-bis-dpl';

export async function addSecondVersion(
  env: Record<string, string>,
  dataDir: string,
  databaseUrl: string,
  adminKey: string,
): Promise<void> {
  const original = env.LIST_SOURCE_US_BIS_DPL;
  if (!original) throw new Error('us-bis-dpl is not among the loaded lists');
  const lines = (await readFile(original, 'utf8')).trimEnd().split('\n');
  const trimmed = join(dataDir, 'dpl-trimmed.txt');
  await writeFile(trimmed, `${lines.slice(0, -5).join('\n')}\n`);
  const config = loadConfig({
    ...env,
    LIST_SOURCE_US_BIS_DPL: trimmed,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    TRADESCREEN_ADMIN_KEY: adminKey,
    RUN_WORKERS: 'false',
    LOG_LEVEL: 'warn',
  });
  const c = await createContainer(config, createLogger('warn'));
  try {
    const r = await refreshSource(c.lists.refreshDeps, c.lists.catalog.get(SWAP_SOURCE)!);
    if (r.outcome !== 'activated')
      throw new Error(`second version of ${SWAP_SOURCE}: ${r.outcome} ${r.detail}`);
  } finally {
    await c.close();
  }
}
