import { basename, join, resolve } from 'node:path';

/** Service configuration, read from the environment in one place. */
export interface Config {
  /** TCP port the HTTP server listens on (`PORT`, default 4000). */
  readonly port: number;
  /** Folder with the graph data (`GRAPH_DATA_DIR`, default the bundled `graph-data/`). */
  readonly graphDataDir: string;
  /** Base that node ids are appended to for `Node.iri` (`IRI_BASE`). */
  readonly iriBase: string;
}

/** The project root: this file is in `src/`, or in `dist/src/` once compiled. */
const PROJECT_ROOT = basename(resolve(__dirname, '..')) === 'dist' ? resolve(__dirname, '..', '..') : resolve(__dirname, '..');

/** The bundled data folder. */
export const BUNDLED_GRAPH_DATA_DIR = join(PROJECT_ROOT, 'graph-data');

/** Default base of node IRIs. */
export const DEFAULT_IRI_BASE = 'https://newsgraph.example/id/';

/** Thrown when an environment variable has a value the service cannot use. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration from `env`; throws a ConfigError naming the variable at fault. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(env.PORT)}`);
  }
  const iriBase = env.IRI_BASE || DEFAULT_IRI_BASE;
  if (!/^[a-z][a-z0-9+.-]*:\S*$/i.test(iriBase)) {
    throw new ConfigError(`IRI_BASE must be an absolute IRI such as ${DEFAULT_IRI_BASE}, not ${JSON.stringify(iriBase)}`);
  }
  return {
    port,
    graphDataDir: env.GRAPH_DATA_DIR ? resolve(env.GRAPH_DATA_DIR) : BUNDLED_GRAPH_DATA_DIR,
    iriBase,
  };
}
