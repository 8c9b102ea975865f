/** The graph store in PostgreSQL: migrations, import, the store and the live graph. Used by the composition root and the db:* commands only. */
export { describeDatabase, PostgresLiveGraph, type PostgresLiveGraphOptions } from './postgres-live-graph';
export { PostgresGraphStore } from './postgres-store';
export { importGraph, type ImportResult, readValidGraph, GRAPH_CHANNEL } from './import-graph';
export { appliedMigration, latestMigration, migrateDatabase, MIGRATIONS_DIR, readMigrations } from './migrate-database';
export { isConnectionError } from './database-errors';
