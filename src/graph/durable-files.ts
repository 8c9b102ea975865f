import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileChange } from './graph-writes';

/**
 * The steps of a durable write, in order, each reported to `onStep` as it is
 * done (a test can stop the process at any of them):
 * - `journal-staged`: the journal's bytes are on disk under a hidden name, not yet in place (a crash now leaves the change undone);
 * - `journal-written`: the journal of the whole change is on disk (from now on a crash leaves it to be finished);
 * - `file-staged`: a file's new bytes are on disk beside it, under a hidden name;
 * - `file-replaced`: that file now has its new bytes (or is gone);
 * - `journal-removed`: the change is complete.
 */
export type WriteStep = 'journal-staged' | 'journal-written' | 'file-staged' | 'file-replaced' | 'journal-removed';

/** The journal of a change under way, in the data folder (hidden: the loader skips names starting with "."). */
export const JOURNAL = '.newsgraph-journal.json';

/** Syncs a folder, so that the names made or changed in it last as long as the files do (off the event loop, as every step here). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `bytes` to `path` and syncs them to disk. */
async function writeSynced(path: string, bytes: string): Promise<void> {
  const handle = await open(path, 'w', 0o644);
  try {
    await handle.writeFile(bytes, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The hidden name a file's new bytes are staged under, beside it. */
function stagedName(path: string): string {
  return join(dirname(path), `.${basename(path)}.staged`);
}

/** Replaces (or removes) one file: staged beside it, synced, then renamed over it in one step. */
async function replaceFile(root: string, change: FileChange, onStep: (step: WriteStep, file?: string) => void): Promise<void> {
  const target = join(root, change.file);
  await mkdir(dirname(target), { recursive: true });
  if (change.content === null) {
    await rm(target, { force: true });
  } else {
    const staged = stagedName(target);
    await writeSynced(staged, change.content);
    onStep('file-staged', change.file);
    await rename(staged, target);
  }
  await syncFolder(dirname(target));
  onStep('file-replaced', change.file);
}

/**
 * Writes a change of several data files so that a crash at any moment
 * leaves each file whole, old or new, and the change either not begun or
 * done in full after `recoverJournal`: the whole change is first written
 * to a journal (staged, synced and renamed into place), then each file is
 * replaced by rename, then the journal is removed.
 */
export async function writeFilesDurably(
  root: string,
  changes: readonly FileChange[],
  onStep: (step: WriteStep, file?: string) => void = () => {},
): Promise<void> {
  const journal = join(root, JOURNAL);
  await writeSynced(stagedName(journal), JSON.stringify({ changes }));
  onStep('journal-staged');
  await rename(stagedName(journal), journal);
  await syncFolder(root);
  onStep('journal-written');
  for (const change of changes) await replaceFile(root, change, onStep);
  await rm(journal);
  await syncFolder(root);
  onStep('journal-removed');
}

/**
 * Finishes a change that a crash interrupted: when the data folder holds a
 * journal, every file it names is written again as the journal says (which
 * is harmless for those already written), and the journal is removed.
 * Returns the files written. A journal still being staged when the crash
 * came was never renamed into place, and is only removed.
 */
export async function recoverJournal(root: string): Promise<string[]> {
  const journal = join(root, JOURNAL);
  await rm(stagedName(journal), { force: true });
  const exists = await stat(journal).then(
    () => true,
    () => false,
  );
  if (!exists) return [];
  const { changes } = JSON.parse(await readFile(journal, 'utf8')) as { changes: FileChange[] };
  for (const change of changes) await replaceFile(root, change, () => {});
  await rm(journal);
  await syncFolder(root);
  return changes.map((change) => change.file);
}
