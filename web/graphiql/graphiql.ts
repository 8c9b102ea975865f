/**
 * GraphiQL 5 at /graphiql, bundled from npm with React and Monaco (and
 * Monaco's workers, served beside this script), pointed at the service's
 * /graphql: it works with no internet.
 */
import 'graphiql/style.css';
import './graphiql-page.css';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

// Monaco asks for a worker by language; each is a script of this folder (see build-web.ts), so nothing is loaded from elsewhere.
globalThis.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const name = label === 'graphql' ? 'graphql' : label === 'json' ? 'json' : 'editor';
    return new Worker(new URL(`./${name}.worker.js`, import.meta.url), { name: `${name} worker` });
  },
};

/** Runs GraphiQL's requests against the service: POST, JSON, as any client of the public API. */
async function fetcher(params: unknown): Promise<unknown> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
}

const DEFAULT_QUERY = `# GraphiQL, served by newsgraph: press the run button (or Ctrl-Enter) to send the
# query below to /graphql. The Docs button on the left describes every type and field.
#
# Find without knowing ids (small typos are forgiven), and count what the graph holds:
query FindAndConnect {
  search(query: "Zuckerburg", first: 3) {
    nodes { score snippet node { id kind label } }
  }
  stats { nodeCount edgeCount }
}
`;

// /graphiql?query=...&variables=... opens on that operation (a link can share one); otherwise GraphiQL opens on its saved tabs, or DEFAULT_QUERY.
const linked = new URLSearchParams(location.search);

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: DEFAULT_QUERY,
    initialQuery: linked.get('query') ?? undefined,
    initialVariables: linked.get('variables') ?? undefined,
  }),
);
