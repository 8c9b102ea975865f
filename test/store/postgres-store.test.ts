import { createTestDatabase } from '../helpers/postgres-test-database';
import { describeGraphStoreConformance } from './graph-store-conformance';

describeGraphStoreConformance('PostgresGraphStore', async (dataDir) => {
  const database = await createTestDatabase('conformance', dataDir);
  const graph = await database.open();
  return { store: graph.current, close: () => database.drop() };
});
