import { TEST_DATA_DIR_VARIABLE } from '../helpers/bundled-data';
import { EXTRA_ARTICLE_DATA_VARIABLE } from './extra-article.global-setup';

// Run before each test file of the project "bundled data with an extra article": points
// bundledDataDir() at the copy of graph-data/ with the sample article. Jest gives each test
// file its own copy of process.env, so the other project's tests keep reading graph-data/.
const dir = process.env[EXTRA_ARTICLE_DATA_VARIABLE];
if (!dir) throw new Error(`${EXTRA_ARTICLE_DATA_VARIABLE} is not set: the global setup test/setup/extra-article.global-setup.ts did not run`);
process.env[TEST_DATA_DIR_VARIABLE] = dir;
