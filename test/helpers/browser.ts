import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type ConsoleMessage, type Page, type Request, type Route } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it); CHROMIUM_PATH names another build. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where the browser tests write what a person may want to look at (git-ignored). */
export const TEST_RESULTS_DIR = resolve(__dirname, '../../test-results');

/** A headless Chromium for one test file, with a profile of its own that is removed on close. */
export interface TestBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Debian's Chromium headless through playwright-core (which downloads
 * no browser), in a fresh profile, with nothing of its own going to the
 * network (no component updates, no background requests).
 */
export async function launchChromium(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}, which is missing: install Debian's package with "apt-get install -y chromium" ` +
        '(.ci/run does it), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'newsgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did that a test checks afterwards: every request it and its workers made, and every error it reported. */
export interface PageRecord {
  readonly requests: string[];
  readonly errors: string[];
}

/** A new page of the context, and what it does until `stop()`. */
export interface RecordedPage {
  readonly page: Page;
  readonly record: PageRecord;
  /** Stops recording and closes the page. */
  stop(): Promise<void>;
}

/**
 * Opens a page that records every request made in the browser (the page's
 * and its workers') and every console error or uncaught exception, and
 * refuses any request to another origin, so that the page behaves as it
 * would with no internet.
 */
export async function recordPage(context: BrowserContext, origin: string): Promise<RecordedPage> {
  const record: PageRecord = { requests: [], errors: [] };
  const elsewhere = (url: URL) => url.origin !== origin;
  const refuse = (route: Route) => route.abort('internetdisconnected');
  const onRequest = (request: Request) => record.requests.push(request.url());
  await context.route(elsewhere, refuse);
  context.on('request', onRequest);
  const page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') record.errors.push(message.text());
  });
  page.on('pageerror', (error) => record.errors.push(`uncaught: ${error.message}`));
  return {
    page,
    record,
    async stop() {
      context.off('request', onRequest);
      await context.unroute(elsewhere, refuse);
      await page.close();
    },
  };
}

/** The origins of the requests recorded, each once. */
export function originsOf(record: PageRecord): string[] {
  return [...new Set(record.requests.map((url) => new URL(url).origin))];
}

/** Saves a screenshot of the page under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(TEST_RESULTS_DIR, { recursive: true });
  const path = join(TEST_RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
