import { Pool } from 'pg';
import { ConfigError, readConfig } from './config';
import { describeDatabase, latestMigration, migrateDatabase } from './postgres';

/** `npm run db:migrate`: applies the migrations of db/migrations/ that the database of DATABASE_URL has not recorded. */
async function main(): Promise<void> {
  const config = readConfig();
  if (!config.databaseUrl)
    throw new ConfigError('DATABASE_URL must name the database to migrate, such as postgres://newsgraph:newsgraph@localhost:5432/newsgraph');
  const pool = new Pool({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    const applied = await migrateDatabase(pool);
    const where = describeDatabase(config.databaseUrl);
    process.stdout.write(
      `${applied.length > 0 ? `applied migration(s) ${applied.join(', ')} to ${where}` : `${where} is up to date (migration ${latestMigration()})`}\n`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${(error as Error).message}`);
  process.exit(1);
});
