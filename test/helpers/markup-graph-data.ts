import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The organization's name in the fixture: markup that must show as text. */
export const MARKUP_ORGANIZATION = 'Harbor <b>Lantern</b> Trust';

/** The place's name in the fixture: it would end a script element if it were ever written into one. */
export const MARKUP_PLACE = 'Port </script>Ellery';

/** What the fixture adds after the article's paragraph: a second paragraph, so that evidence shows one paragraph, not the whole text. */
export const SECOND_PARAGRAPH = `Residents of ${MARKUP_PLACE} welcomed the plan.`;

/** A graph-data folder made for a test, removed with `remove()`. */
export interface FixtureGraphData {
  readonly dir: string;
  remove(): void;
}

/**
 * The lighthouse fixture (test/fixtures/valid-lighthouse) with names that
 * are markup (`<b>`, `</script>`), a character outside the Basic
 * Multilingual Plane at the start of the text (so UTF-16 offsets and code
 * point offsets differ), and a second paragraph: the page must show every
 * name as text and mark exactly the words of each span.
 */
export function markupGraphData(): FixtureGraphData {
  const root = mkdtempSync(join(tmpdir(), 'newsgraph-markup-'));
  const dir = join(root, 'graph-data');
  cpSync(join(__dirname, '../fixtures/valid-lighthouse'), dir, { recursive: true });
  for (const folder of ['entities', 'articles']) {
    for (const name of readdirSync(join(dir, folder))) {
      const file = join(dir, folder, name);
      const text = readFileSync(file, 'utf8').replaceAll('Harbor Lantern Trust', MARKUP_ORGANIZATION).replaceAll('Port Ellery', MARKUP_PLACE);
      const data = JSON.parse(text);
      if (folder === 'articles') data.text = `🌊 ${data.text}\n${SECOND_PARAGRAPH}`;
      writeFileSync(file, JSON.stringify(data, null, 2));
    }
  }
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
