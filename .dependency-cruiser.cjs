/**
 * The layer order: graph ← loaders ← schema and resolvers ← server ← app ← main,
 * and graph ← linked-data ← server; postgres sits on graph beside loaders, and
 * only the composition root and the db:* commands use it.
 * Each layer imports only the ones below it; `npm run lint` fails on an import
 * that runs upward (https://github.com/sverweij/dependency-cruiser/blob/main/doc/rules-reference.md).
 */
const upward = (name, from, to, comment) => ({ name, comment, severity: 'error', from: { path: from }, to: { path: to } });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    upward('config-imports-nothing', '^src/config[.]ts$', '^(src|resolvers)/', 'Configuration is read first, by the composition root; it knows no layer.'),
    upward(
      'graph-imports-upward',
      '^src/graph/',
      '^(src/(config|loaders|linked-data|schema|server|postgres|app|main|print-schema|print-validators|db-migrate|db-import)|resolvers/)',
      'The graph model knows nothing of loaders, GraphQL, linked data, the server or the database.',
    ),
    upward(
      'linked-data-imports-graph-only',
      '^src/linked-data/',
      '^(src/(config|loaders|schema|server|postgres|app|main|print-schema|print-validators)|resolvers/)',
      'Linked data is rendered from the graph store alone; the server serves it.',
    ),
    upward(
      'postgres-imports-upward',
      '^src/postgres/',
      '^(src/(config|loaders|linked-data|schema|server|app|main|print-schema|print-validators|db-migrate|db-import)|resolvers/)',
      'The PostgreSQL store knows the graph model and its loader, not GraphQL or the server.',
    ),
    upward(
      'only-the-root-imports-postgres',
      '^(src/(config|graph|loaders|linked-data|schema|server|main|print-schema|print-validators)|resolvers)',
      '^src/postgres/',
      'GraphQL knows nothing of SQL: only src/app.ts and the db:* commands choose and open the PostgreSQL store.',
    ),
    upward(
      'loaders-import-upward',
      '^src/loaders/',
      '^(src/(config|schema|server|app|main|print-schema|print-validators)|resolvers/)',
      'DataLoaders sit on the graph store only.',
    ),
    upward(
      'schema-imports-upward',
      '^src/schema/',
      '^(src/(config|server|app|main|print-schema|print-validators)|resolvers/)',
      'GraphQL types know the graph and the loaders, not the resolvers or the server.',
    ),
    upward(
      'resolvers-import-upward',
      '^resolvers/',
      '^src/(config|server|app|main|print-schema|print-validators)',
      'Resolvers know the schema, the loaders and the graph, not the server.',
    ),
    upward(
      'server-imports-upward',
      '^src/server/',
      '^(src/(app|main|print-schema|print-validators)|resolvers/)',
      'The server is given the schema and the graph by the composition root.',
    ),
    upward(
      'app-imports-upward',
      '^src/app[.]ts$',
      '^src/(main|print-schema|print-validators|db-migrate|db-import)',
      'The composition root is used by the entry points, not the other way.',
    ),
    upward('service-imports-tests', '^(src|resolvers)/', '^(test|bench)/', 'The service never depends on its tests or benchmarks.'),
    {
      name: 'no-circular',
      comment: 'An import cycle hides which layer a module belongs to.',
      severity: 'error',
      from: { path: '^(src|resolvers)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist)/' },
  },
};
