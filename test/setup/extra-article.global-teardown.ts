import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXTRA_ARTICLE_DATA_VARIABLE } from './extra-article.global-setup';

/** Jest global teardown of the project "bundled data with an extra article": removes the copy its global setup made. */
export default function removeExtraArticleData(): void {
  const dir = process.env[EXTRA_ARTICLE_DATA_VARIABLE];
  if (dir) rmSync(dirname(dir), { recursive: true, force: true });
}
