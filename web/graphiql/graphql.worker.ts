// monaco-graphql's worker: validation and completion of the query against the schema.
import 'monaco-graphql/esm/graphql.worker.js';
