/** The graph as linked data: JSON-LD in schema.org terms, N-Triples, and readable pages; reads the graph store only. */
export { jsonLdContext, SCHEMA_ORG, type TermDefinition, terms, WEB_ANNOTATION } from './context';
export { CONTEXT_CHARACTERS, describeNodes, type DescribeOptions, type JsonLdNode, LIST_LIMIT, pagedListsOf, typeOf } from './describe-nodes';
export { dumpJsonLd, dumpNodes, dumpNTriples, type DumpOptions } from './dump-graph';
export { escapeHtml, jsonForScript, renderNodePage } from './render-html';
export { toNTriples } from './to-ntriples';
export { vocabularyDocument, vocabularyOf } from './vocabulary';
