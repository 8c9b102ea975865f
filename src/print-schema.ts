import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute, lexicographicSortSchema, parse, printSchema } from 'graphql';
import { graphSchema } from './app';

/**
 * The schema as SDL, as clients see it by introspection (the stand-alone API,
 * federation's `_entities` and `_service` included), sorted so that the
 * committed file changes only when the schema does.
 */
export async function printGraphSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await graphSchema()))}\n`;
}

/**
 * The subgraph SDL, exactly as `_service { sdl }` answers it: the federation
 * link and the `@key` directives, without federation's own types. What a
 * supergraph is composed from.
 */
export async function printGraphSubgraphSchema(): Promise<string> {
  const result = (await execute({ schema: await graphSchema(), document: parse('{ _service { sdl } }') })) as { data?: { _service: { sdl: string } } };
  return `${result.data!._service.sdl}\n`;
}

/** Path of the committed schema file. */
export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

/** Path of the committed subgraph SDL. */
export const SUBGRAPH_SCHEMA_FILE = join(__dirname, '..', 'subgraph.graphql');

if (require.main === module) {
  (async () => {
    writeFileSync(SCHEMA_FILE, await printGraphSchema());
    console.log(`wrote ${SCHEMA_FILE}`);
    writeFileSync(SUBGRAPH_SCHEMA_FILE, await printGraphSubgraphSchema());
    console.log(`wrote ${SUBGRAPH_SCHEMA_FILE}`);
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
