import { applyDelta } from './apply-change';
import { buildSnapshotSliced } from './build-snapshot';
import { GraphDataError } from './data-problem';
import { recoverJournal, type WriteStep, writeFilesDurably } from './durable-files';
import { type GraphStore, type GraphSummary, summarizeStore } from './graph-store';
import { isPlan, planArticleDelete, planArticlePut, type WritePlan, type WriteRefusal } from './graph-writes';
import type { CheckOutcome, LiveGraph, ReloadResult, WriteOutcome } from './live-graph';
import { InMemoryGraphStore, StoreMemo } from './memory-store';
import { type ReadOptions, readGraphDataAsync } from './read-graph-data';
import type { GraphSnapshot } from './snapshot';
import { runInSlices, type SliceOptions } from './time-slices';

/** Options of a graph held in memory. */
export interface MemoryLiveGraphOptions {
  /** Called at each step of a durable write (see WriteStep); a test can stop the process there. Default: nothing. */
  readonly onWriteStep?: (step: WriteStep, file?: string) => void;
  /** How long work on the graph holds the event loop at a time, and what to check between slices. Default: slices of 10 ms. */
  readonly slices?: SliceOptions;
  /** How the data files are read (the largest file read). Default: the loader's defaults. */
  readonly read?: ReadOptions;
}

/** Reads and builds the graph in `dataDir`, a slice at a time; throws a GraphDataError listing every problem. */
async function buildFrom(dataDir: string, options: MemoryLiveGraphOptions): Promise<GraphSnapshot> {
  const { slices } = options;
  const { data, problems } = await readGraphDataAsync(dataDir, { ...options.read, ...slices });
  const result = await runInSlices(buildSnapshotSliced(data, problems), slices);
  if (!result.ok) throw new GraphDataError(result.problems);
  return result.snapshot;
}

/**
 * A live graph read from a graph-data folder and held in memory. A write
 * makes the next version from the current one (sharing what it does not
 * change), writes the data files durably, and only then makes it current; a
 * reload builds and validates a whole new graph first. Both run a slice at a
 * time, so requests keep being answered meanwhile, and one at a time.
 */
export class MemoryLiveGraph implements LiveGraph {
  private store: InMemoryGraphStore;
  private memo: StoreMemo;
  /** The work under way: writes and reloads wait for each other. */
  private queue: Promise<unknown> = Promise.resolve();
  private reloading = 0;

  private constructor(
    snapshot: GraphSnapshot,
    /** The folder the graph is read from and written to. */
    readonly origin: string,
    private readonly options: MemoryLiveGraphOptions,
  ) {
    this.memo = new StoreMemo();
    this.store = new InMemoryGraphStore(snapshot, this.memo);
  }

  /**
   * Opens the graph in `dataDir`: finishes a write a crash interrupted (see
   * durable-files.ts), then reads and builds the graph a slice at a time.
   * Throws a GraphDataError listing every problem.
   */
  static async open(dataDir: string, options: MemoryLiveGraphOptions = {}): Promise<MemoryLiveGraph> {
    await recoverJournal(dataDir).catch((error: NodeJS.ErrnoException) => {
      // A missing folder is reported by the loader, with the other problems.
      if (error.code !== 'ENOENT') throw error;
    });
    return new MemoryLiveGraph(await buildFrom(dataDir, options), dataDir, options);
  }

  /** The graph of a snapshot already built (tests; the benchmarks). */
  static of(snapshot: GraphSnapshot, dataDir: string, options: MemoryLiveGraphOptions = {}): MemoryLiveGraph {
    return new MemoryLiveGraph(snapshot, dataDir, options);
  }

  get current(): GraphStore {
    return this.store;
  }

  /** The snapshot being served. */
  get snapshot(): GraphSnapshot {
    return this.store.snapshot;
  }

  summary(): Promise<GraphSummary> {
    return summarizeStore(this.store);
  }

  reload(): Promise<ReloadResult> {
    this.reloading++;
    return this.enqueue(async () => {
      try {
        const next = await buildFrom(this.origin, this.options);
        const previousVersion = this.store.version;
        this.memo = new StoreMemo();
        this.store = new InMemoryGraphStore(next, this.memo);
        return { previousVersion, version: next.version };
      } finally {
        this.reloading--;
      }
    });
  }

  putArticle(slug: string, body: unknown): Promise<WriteOutcome> {
    return this.write(() => planArticlePut(this.store.snapshot, slug, body));
  }

  async checkArticle(slug: string, body: unknown): Promise<CheckOutcome> {
    const planned = planArticlePut(this.store.snapshot, slug, body);
    return isPlan(planned) ? { ok: true, created: planned.created } : { ok: false, ...planned };
  }

  deleteArticle(slug: string): Promise<WriteOutcome> {
    return this.write(() => planArticleDelete(this.store.snapshot, slug));
  }

  /** Plans a write on the version current when its turn comes, writes its files, then makes its version current. */
  private write(plan: () => WritePlan | WriteRefusal): Promise<WriteOutcome> {
    if (this.reloading > 0) return Promise.resolve(this.refusedForReload());
    return this.enqueue(async (): Promise<WriteOutcome> => {
      // A reload asked for while this write waited comes after it, and reads what it wrote.
      const planned = plan();
      if (!isPlan(planned)) return { ok: false, ...planned };
      const base = this.store.snapshot;
      const prepared = await runInSlices(applyDelta(base, planned.delta), this.options.slices);
      let journaled = false;
      try {
        await writeFilesDurably(this.origin, planned.files, (step, file) => {
          if (step === 'journal-written') journaled = true;
          this.options.onWriteStep?.(step, file);
        });
      } catch (error) {
        // Once the journal is on disk the change is decided: finish it, or it is finished at the next start.
        if (!journaled) throw error;
        await recoverJournal(this.origin);
      }
      const next = prepared.commit();
      this.store = new InMemoryGraphStore(next, this.memo);
      const { articleId, created, entitiesAdded, entitiesReplaced } = planned;
      return { ok: true, previousVersion: base.version, version: next.version, articleId, created, entitiesAdded, entitiesReplaced };
    });
  }

  private refusedForReload(): WriteOutcome {
    return { ok: false, code: 'RELOAD_IN_PROGRESS', message: 'The graph is being reloaded from its data files; send the write again once the reload is done.' };
  }

  /** Runs `work` after the work already queued. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
