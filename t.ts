import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLiveGraph } from './src/graph';
(async () => {
  const src = process.argv[2];
  const root = mkdtempSync(join(tmpdir(), 'w-'));
  const dir = join(root, 'data');
  cpSync(src, dir, { recursive: true });
  const names = readdirSync(join(dir, 'articles')).sort();
  mkdirSync(join(root, 'held'));
  for (const n of names.slice(-5)) renameSync(join(dir, 'articles', n), join(root, 'held', n));
  let t = performance.now();
  const graph = await MemoryLiveGraph.open(dir);
  console.log('open ms', Math.round(performance.now() - t));
  let worst = 0; let last = performance.now();
  const probe = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last); last = now; }, 5);
  for (const n of readdirSync(join(root, 'held'))) {
    const article = JSON.parse(readFileSync(join(root, 'held', n), 'utf8'));
    worst = 0; last = performance.now(); t = performance.now();
    const out = await graph.putArticle(article.id.slice(8), { article });
    console.log('put', out.ok, Math.round(performance.now() - t), 'ms; worst gap', Math.round(worst), 'ms');
  }
  worst = 0; last = performance.now(); t = performance.now();
  await graph.reload();
  console.log('reload ms', Math.round(performance.now() - t), 'worst gap', Math.round(worst));
  clearInterval(probe);
  rmSync(root, { recursive: true, force: true });
})();
