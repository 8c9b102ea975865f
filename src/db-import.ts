import { resolve } from 'node:path';
import { Pool } from 'pg';
import { ConfigError, readConfig } from './config';
import { formatProblem, GraphDataError } from './graph';
import { describeDatabase, importGraph } from './postgres';

/**
 * `npm run db:import -- <graph-data folder>`: checks the folder as the
 * service's loader does (every problem printed, exit code 1 on any) and
 * makes it the graph the database of DATABASE_URL serves, in one
 * transaction.
 */
async function main(): Promise<void> {
  const config = readConfig();
  if (!config.databaseUrl)
    throw new ConfigError('DATABASE_URL must name the database to import into, such as postgres://newsgraph:newsgraph@localhost:5432/newsgraph');
  const dir = process.argv[2];
  if (!dir) throw new ConfigError('name the graph-data folder to import: npm run db:import -- <folder>');
  const pool = new Pool({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  const started = Date.now();
  try {
    const result = await importGraph(pool, resolve(dir));
    process.stdout.write(
      `imported ${result.articles} article(s), ${result.nodes} nodes, ${result.edges} edges and ${result.mentions} mentions from ${resolve(dir)} ` +
        `into ${describeDatabase(config.databaseUrl)} as version ${result.version} (generation ${result.generation}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  if (error instanceof GraphDataError) {
    console.error(`db:import found ${error.problems.length} problem(s) in the graph data; nothing was imported:`);
    for (const problem of error.problems) console.error(`  ${formatProblem(problem)}`);
  } else {
    console.error(`db:import failed: ${(error as Error).message}`);
  }
  process.exit(1);
});
