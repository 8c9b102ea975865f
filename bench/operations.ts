import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print } from 'graphql';
import type { EntityNode, GraphSnapshot } from '../src/graph';

/** One dashboard operation as the benchmark sends it. */
export interface BenchOperation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** The exact POST body sent. */
  readonly body: string;
}

/** The benchmarked contract operations. */
export const BENCH_OPERATION_NAMES = ['GraphStats', 'EntityProfile', 'ArticleSummary', 'Search', 'Connection'] as const;

/**
 * The contract operations with variables that fit the corpus: the most
 * mentioned person (the heaviest profile), the first article, that person's
 * surname as a search, and a path from them to the first article's first
 * organization.
 */
export function benchOperations(snapshot: GraphSnapshot): BenchOperation[] {
  const document = parse(readFileSync(join(__dirname, '..', 'test', 'contract', 'operations.graphql'), 'utf8'));
  const text = new Map(document.definitions.flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [[d.name.value, print(d)] as const] : [])));
  const people = snapshot.nodesByKind.get('PERSON')! as EntityNode[];
  const person = people.reduce((best, p) =>
    (snapshot.mentionsByEntity.get(p.id)?.length ?? 0) > (snapshot.mentionsByEntity.get(best.id)?.length ?? 0) ? p : best,
  );
  const article = snapshot.nodesByKind.get('ARTICLE')![0];
  const organization = snapshot.edgesOut
    .get(article.id)!
    .get('MENTIONS')!
    .map((e) => snapshot.nodes.get(e.to)!)
    .find((n) => n.kind === 'ORGANIZATION')!;
  const variables: Record<string, Record<string, unknown>> = {
    GraphStats: {},
    EntityProfile: { id: person.id },
    ArticleSummary: { id: article.id },
    Search: { text: person.name.split(' ').slice(-1)[0], first: 10 },
    Connection: { from: person.id, to: organization.id, maxHops: 4 },
  };
  return BENCH_OPERATION_NAMES.map((name) => {
    const query = text.get(name)!;
    return { name, query, variables: variables[name], body: JSON.stringify({ operationName: name, query, variables: variables[name] }) };
  });
}
