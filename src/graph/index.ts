/** The graph model, its loader and its store: plain TypeScript, no GraphQL. */
export * from './model';
export * from './vocabulary';
export * from './data-problem';
export * from './graph-store';
export { type FactCount, MIN_CONTAINED_WORDS, normalizeWords } from './same-facts';
export type { CheckOutcome, LiveGraph, ReloadResult, WriteDone, WriteOutcome, WriteRefused } from './live-graph';
export type { WriteStep } from './durable-files';
export { MemoryLiveGraph } from './memory-live-graph';
export { InMemoryGraphStore } from './memory-store';
export { loadGraph } from './load-graph';
export { readGraphData } from './read-graph-data';
export { buildSnapshot } from './build-snapshot';
export { edgesInOrder, type GraphSnapshot, nodesInOrder } from './snapshot';
export { validateGraphData, type ValidGraphData } from './build-snapshot';
export { GraphStoreUnavailableError } from './graph-store-unavailable';
export { COUNT, DURATION_UNITS, type DurationUnit, isCurrencyCode, PERCENT, UNIT_VOCABULARY, unitKind, type UnitKind } from './figure-units';
export {
  describeReading,
  findFigurePhrases,
  type FigureReading,
  type FoundFigure,
  type PhraseReading,
  type ReadAmount,
  type ReadChange,
  readFigurePhrase,
} from './figure-words';
export {
  type ArticleDraft,
  type DraftGraph,
  draftArticle,
  MAX_DRAFT_BYTES,
  undraftableText,
  type DraftQuote,
  type DraftReport,
  reportDraft,
  type KnownEntity,
  type KnownRole,
  type ReviewNote,
} from './draft-article';
export { readDraftGraph } from './read-draft-graph';
