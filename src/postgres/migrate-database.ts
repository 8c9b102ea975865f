import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Pool } from 'pg';

/** The project root: this file is in `src/postgres/`, or in `dist/src/postgres/` once compiled. */
const PROJECT_ROOT = basename(resolve(__dirname, '..', '..')) === 'dist' ? resolve(__dirname, '..', '..', '..') : resolve(__dirname, '..', '..');

/** The folder of the numbered migrations, `NNN_name.sql`, applied in number order. */
export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'db', 'migrations');

/** Key of the advisory lock that lets one process migrate at a time (any number may start together). */
const MIGRATION_LOCK = 7_240_001;

/** One migration file. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The migrations in `dir`, in version order; throws on a file whose name has no number or a number used twice. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = /^(\d+)_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration file ${file} must be named NNN_name.sql`);
      return { version: Number(match[1]), name: match[2], sql: readFileSync(join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1].version === m.version) throw new Error(`two migrations have the number ${m.version}`);
  });
  return migrations;
}

/** Latest migration version the code needs. */
export function latestMigration(dir: string = MIGRATIONS_DIR): number {
  const migrations = readMigrations(dir);
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
}

/**
 * Applies the migrations not yet recorded in `newsgraph.schema_migrations`,
 * each in its own transaction together with its record, in version order.
 * Returns the versions applied.
 */
export async function migrateDatabase(pool: Pool, dir: string = MIGRATIONS_DIR): Promise<number[]> {
  const migrations = readMigrations(dir);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS newsgraph');
    await client.query(`CREATE TABLE IF NOT EXISTS newsgraph.schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM newsgraph.schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO newsgraph.schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.version}_${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The latest migration recorded in the database (0 when none is). */
export async function appliedMigration(pool: Pool): Promise<number> {
  const { rows: table } = await pool.query<{ exists: boolean }>(`SELECT to_regclass('newsgraph.schema_migrations') IS NOT NULL AS exists`);
  if (!table[0].exists) return 0;
  const { rows } = await pool.query<{ version: number | null }>('SELECT max(version) AS version FROM newsgraph.schema_migrations');
  return rows[0].version ?? 0;
}
