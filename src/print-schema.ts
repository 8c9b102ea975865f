import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { graphSchema } from './app';

/** The schema as SDL, sorted so that the committed file changes only when the schema does. */
export async function printGraphSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await graphSchema()))}\n`;
}

/** Path of the committed schema file. */
export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

if (require.main === module) {
  printGraphSchema()
    .then((sdl) => {
      writeFileSync(SCHEMA_FILE, sdl);
      console.log(`wrote ${SCHEMA_FILE}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
