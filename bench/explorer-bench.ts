import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startService } from '../src/app';
import { BUILT_WEB_DIR, readConfig } from '../src/config';
import { createLogger } from '../src/server/create-logger';
import { launchChromium } from '../test/helpers/browser';
import { buildWeb } from '../web/build-web';

/**
 * The web pages in Chromium, on the seed graph (graph-data/): the bytes of
 * every script, style sheet and font each page loads (raw, gzip and brotli,
 * as built), and the explorer's time to first drawing: from the start of
 * navigation to `/explore?node=<id>` to the neighbourhood drawn on its
 * canvas (the page's `explorer:first-drawing` mark), with the browser's
 * cache emptied before each round. Writes bench/results/explorer.{md,json}.
 */

const ROUNDS = Number(process.env.BENCH_ROUNDS || 9);
const NODE = process.env.BENCH_NODE || 'person:mark-zuckerberg';
const RESULTS = join(__dirname, 'results');

interface Asset {
  readonly path: string;
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

/** The sizes of a built asset, from the files the build wrote beside it. */
function sizesOf(path: string): Asset {
  const file = join(BUILT_WEB_DIR, 'assets', path.slice('/web/'.length));
  return { path, raw: statSync(file).size, gzip: statSync(`${file}.gz`).size, brotli: statSync(`${file}.br`).size };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1);

async function main(): Promise<void> {
  // Other work on the machine slows the browser: the figures say how busy it was.
  const loadBefore = loadavg()[0].toFixed(1);
  await buildWeb();
  const service = await startService(readConfig({ PORT: '0', HOST: '127.0.0.1' }), { logger: createLogger({ level: 'silent' }) });
  const origin = `http://127.0.0.1:${service.port}`;
  const browser = await launchChromium();
  try {
    const pageAssets: Record<string, Asset[]> = {};
    for (const path of ['/explore', '/graphiql']) {
      const page = await browser.context.newPage();
      const loaded = new Set<string>();
      browser.context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin === origin && /\.(js|css|ttf)$/.test(url.pathname)) loaded.add(url.pathname);
      });
      await page.goto(`${origin}${path}${path === '/explore' ? `?node=${encodeURIComponent(NODE)}` : ''}`, { waitUntil: 'networkidle' });
      // GraphiQL starts Monaco's workers once its editors have content: wait for all three (or 20 s).
      const workers = path === '/graphiql' ? ['editor', 'json', 'graphql'].map((name) => `/web/graphiql/${name}.worker.js`) : [];
      for (const deadline = Date.now() + 20_000; !workers.every((worker) => loaded.has(worker)) && Date.now() < deadline;) await page.waitForTimeout(100);
      pageAssets[path] = [...loaded].sort().map(sizesOf);
      browser.context.removeAllListeners('request');
      await page.close();
    }

    const firstDrawing: number[] = [];
    const domContentLoaded: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.clearBrowserCache');
      await page.goto(`${origin}/explore?node=${encodeURIComponent(NODE)}`);
      await page.waitForFunction(() => performance.getEntriesByName('explorer:first-drawing').length > 0, undefined, { timeout: 30_000 });
      // Evaluated as text: these are the page's DOM timings, which Node's types do not describe.
      const timing = (await page.evaluate(
        `({ drawn: performance.getEntriesByName('explorer:first-drawing')[0].startTime, domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd })`,
      )) as { drawn: number; domContentLoaded: number };
      firstDrawing.push(timing.drawn);
      domContentLoaded.push(timing.domContentLoaded);
      await page.close();
    }

    const lines = [`# Web pages (seed graph, ${new Date().toISOString().slice(0, 10)})`, ''];
    for (const [path, assets] of Object.entries(pageAssets)) {
      lines.push(`## ${path}: scripts, style sheets and fonts`, '', '| file | raw kB | gzip kB | brotli kB |', '| --- | ---: | ---: | ---: |');
      for (const asset of assets) lines.push(`| \`${asset.path}\` | ${kB(asset.raw)} | ${kB(asset.gzip)} | ${kB(asset.brotli)} |`);
      const total = (key: 'raw' | 'gzip' | 'brotli') => assets.reduce((sum, asset) => sum + asset[key], 0);
      lines.push(`| **total** | **${kB(total('raw'))}** | **${kB(total('gzip'))}** | **${kB(total('brotli'))}** |`, '');
    }
    const round = (values: number[]) => values.map((value) => Math.round(value)).join(', ');
    lines.push(
      `## /explore?node=${NODE}: time to first drawing`,
      '',
      `${ROUNDS} rounds, cache emptied before each, Chromium headless, the service in the same process, on ${cpus().length} cores with a load average of ${loadBefore} when it started.`,
      '',
      '| measure | median ms | rounds (ms) |',
      '| --- | ---: | --- |',
      `| DOMContentLoaded | ${Math.round(median(domContentLoaded))} | ${round(domContentLoaded)} |`,
      `| first drawing | ${Math.round(median(firstDrawing))} | ${round(firstDrawing)} |`,
      '',
    );
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'explorer.md'), lines.join('\n'));
    writeFileSync(
      join(RESULTS, 'explorer.json'),
      JSON.stringify({ node: NODE, rounds: ROUNDS, loadAverage: Number(loadBefore), pageAssets, firstDrawing, domContentLoaded }, null, 2) + '\n',
    );
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await service.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
