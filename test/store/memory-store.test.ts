import { InMemoryGraphStore, loadGraph, MemoryLiveGraph } from '../../src/graph';
import { describeDraftConformance, describeGraphStoreConformance, describeSameFactConformance } from './graph-store-conformance';

describeGraphStoreConformance('InMemoryGraphStore', async (dataDir) => ({ store: new InMemoryGraphStore(loadGraph(dataDir)) }));

describeSameFactConformance('MemoryLiveGraph', async (dataDir) => ({ graph: await MemoryLiveGraph.open(dataDir) }));

describeDraftConformance('MemoryLiveGraph', async (dataDir) => ({ graph: await MemoryLiveGraph.open(dataDir) }));
