import { buildWeb } from '../../web/build-web';

/**
 * Jest's global setup: builds the web pages into dist/web (skipped when no
 * source changed since the last build), so that the HTTP and browser tests
 * serve the pages of this working copy.
 */
export default async function buildWebPages(): Promise<void> {
  await buildWeb();
}
