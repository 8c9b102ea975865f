import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { BUILT_WEB_DIR } from '../src/config';

/** The project root (this file is in `web/`). */
const ROOT = resolve(__dirname, '..');

/** The folder of the pages' sources. */
export const WEB_SOURCE_DIR = join(ROOT, 'web');

/** The HTML pages, each copied from `web/<folder>/index.html` to `<outdir>/pages/<name>.html`. */
const PAGES = [
  { folder: 'landing', name: 'landing' },
  { folder: 'explorer', name: 'explorer' },
  { folder: 'graphiql', name: 'graphiql' },
  { folder: 'sandbox', name: 'sandbox' },
];

/** Files copied as they are into `<outdir>/assets/`. */
const STATIC_FILES = ['favicon.svg'];

/** Options of `buildWeb`. */
export interface BuildWebOptions {
  /** Where to write. Default `dist/web`, where the service serves them from. */
  readonly outdir?: string;
  /** Builds even when no source has changed since the last build. Default false. */
  readonly force?: boolean;
}

/** What a build did. */
export interface BuildWebResult {
  /** False when the sources had not changed since the last build into `outdir`, which was kept. */
  readonly built: boolean;
  readonly outdir: string;
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * A digest of what the bundles are made of: the sources under `web/` and the
 * lockfile, which pins every library bundled (a changed dependency changes it).
 */
function inputsDigest(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(WEB_SOURCE_DIR), join(ROOT, 'package-lock.json')].sort()) {
    const stat = statSync(file);
    hash.update(`${relative(ROOT, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Writes `.br` and `.gz` beside each script and style, which @fastify/static serves to browsers that take them (its `preCompressed`). */
function writeCompressed(outdir: string): void {
  for (const file of filesUnder(outdir)) {
    if (!/\.(js|css|html|svg|ttf)$/.test(file)) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
  }
}

/**
 * Bundles the service's web pages with esbuild: the explorer (cytoscape.js)
 * and GraphiQL (React, Monaco and its workers), plus the landing and Sandbox
 * pages, into `outdir`, every script, style and font from this repository
 * and its npm packages, so the pages need nothing from another origin. A
 * build whose sources are unchanged since the last one is skipped.
 */
export async function buildWeb(options: BuildWebOptions = {}): Promise<BuildWebResult> {
  const outdir = options.outdir ?? BUILT_WEB_DIR;
  const digest = inputsDigest();
  const stamp = join(outdir, '.inputs');
  if (!options.force && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return { built: false, outdir };

  rmSync(outdir, { recursive: true, force: true });
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    target: ['chrome120', 'firefox121', 'safari17'],
    outbase: WEB_SOURCE_DIR,
    outdir: join(outdir, 'assets'),
    // React and Monaco read process.env.NODE_ENV to drop their development checks.
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    logLevel: 'warning',
  };
  const source = (path: string) => join(WEB_SOURCE_DIR, path);
  await Promise.all([
    // The pages' own scripts and styles, with source maps (they are this project's code).
    build({
      ...common,
      format: 'esm',
      sourcemap: 'linked',
      entryPoints: [
        source('explorer/explorer.ts'),
        source('explorer/explorer.css'),
        source('landing/landing.ts'),
        source('landing/landing.css'),
        source('sandbox/sandbox.ts'),
      ],
    }),
    build({ ...common, format: 'esm', entryPoints: [source('graphiql/graphiql.ts')], loader: { '.ttf': 'file' }, assetNames: 'graphiql/[name]-[hash]' }),
    // Monaco's workers, as classic scripts: `new Worker(url)` in graphiql.ts starts them.
    build({
      ...common,
      format: 'iife',
      entryPoints: [source('graphiql/editor.worker.ts'), source('graphiql/json.worker.ts'), source('graphiql/graphql.worker.ts')],
    }),
  ]);
  mkdirSync(join(outdir, 'pages'), { recursive: true });
  for (const page of PAGES) copyFileSync(source(`${page.folder}/index.html`), join(outdir, 'pages', `${page.name}.html`));
  for (const file of STATIC_FILES) copyFileSync(source(file), join(outdir, 'assets', file));
  writeCompressed(outdir);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, digest);
  return { built: true, outdir };
}

if (require.main === module) {
  buildWeb({ force: process.argv.includes('--force') }).then(
    (result) =>
      process.stdout.write(
        result.built ? `web pages built into ${relative(ROOT, result.outdir)}/\n` : `web pages in ${relative(ROOT, result.outdir)}/ are up to date\n`,
      ),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
