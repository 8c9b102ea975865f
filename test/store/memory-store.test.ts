import { InMemoryGraphStore, loadGraph } from '../../src/graph';
import { describeGraphStoreConformance } from './graph-store-conformance';

describeGraphStoreConformance('InMemoryGraphStore', async (dataDir) => ({ store: new InMemoryGraphStore(loadGraph(dataDir)) }));
