import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Pool } from './pool.ts';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../migrations');

// Any fixed number unique to this application; every process that migrates takes it first.
const MIGRATION_LOCK = 7_202_611;

/**
 * The pool's read timeout (15 s) is for requests. A migration that rewrites a large table takes as long as it
 * takes, and so does a second process waiting for the lock meanwhile; both get a day instead (pg reads the
 * per-query value; its type declarations omit it).
 */
const unhurried = (text: string, values?: unknown[]) => ({ text, values, query_timeout: 86_400_000 });

/**
 * Applies numbered SQL files in order, each in its own transaction, under an advisory lock so that several
 * processes starting at once apply each file exactly once. Applied files are never edited (the checksum says
 * so loudly if someone does).
 */
export async function migrate(pool: Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query(unhurried('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]));
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM schema_migrations',
    );
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    for (const file of files) {
      const sql = await readFile(resolve(dir, file), 'utf8');
      const checksum = (await import('node:crypto')).createHash('sha256').update(sql).digest('hex');
      const previous = done.get(file);
      if (previous !== undefined) {
        if (previous !== checksum) throw new Error(`migration ${file} was edited after it was applied`);
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query(unhurried(sql));
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
          file,
          checksum,
        ]);
        await client.query('COMMIT');
        applied.push(file);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw new Error(`migration ${file} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
  return applied;
}

export async function pendingMigrations(pool: Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
  const { rows } = await pool.query<{ name: string }>('SELECT name FROM schema_migrations');
  const done = new Set(rows.map((r) => r.name));
  return files.filter((f) => !done.has(f));
}
