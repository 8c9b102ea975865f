import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** A successful GraphQL answer kept for identical requests. */
export interface CachedResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  /** The body's bytes (encoded once, not on every reply). */
  readonly body: Buffer;
  /** Strong validator of the body, for If-None-Match. */
  readonly etag: string;
  /** What the request's log line says of the operation. */
  readonly operationName: string | null | undefined;
  readonly cost: number | undefined;
}

/** Options of the response cache. */
export interface ResponseCacheOptions {
  /** Most bytes of response bodies kept; 0 turns the cache off. Default 64 MiB. */
  readonly maxBytes?: number;
}

/** The parts of a request that decide its answer. */
export interface CacheKeyParts {
  readonly method: string;
  readonly search: string;
  readonly body: string;
  readonly contentType: string;
  readonly accept: string;
  /** True when the request carries a header that satisfies CSRF prevention. */
  readonly preflighted: boolean;
}

/** The ETag of a body: a digest of its bytes. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * Keeps successful answers of identical requests for one graph version.
 * An entry is only ever stored after the request went through Apollo's whole
 * pipeline (parsing, every query limit, execution) without an error, so a hit
 * answers exactly what a new execution would; entries of an older graph
 * version are dropped as soon as a request sees a new one.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse> | undefined;
  private version: string | undefined;

  constructor(options: ResponseCacheOptions = {}) {
    const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.entries =
      maxBytes > 0
        ? new LRUCache<string, CachedResponse>({ maxSize: maxBytes, sizeCalculation: (entry, key) => entry.body.length + key.length + 256 })
        : undefined;
  }

  /** True when the cache keeps anything at all. */
  get enabled(): boolean {
    return this.entries !== undefined;
  }

  /** Number of answers kept. */
  get size(): number {
    return this.entries?.size ?? 0;
  }

  /**
   * The key of a request: every part that can change its answer, and the
   * graph version. One part per line, the body last: no other part can hold a
   * line break (header values and request targets cannot), so no two requests
   * share a key.
   */
  key(parts: CacheKeyParts, version: string): string {
    return `${version}\n${parts.method}\n${parts.search}\n${parts.contentType}\n${parts.accept}\n${parts.preflighted ? 1 : 0}\n${parts.body}`;
  }

  get(key: string, version: string): CachedResponse | undefined {
    if (!this.entries) return undefined;
    this.forget(version);
    return this.entries.get(key);
  }

  set(key: string, version: string, response: CachedResponse): void {
    if (!this.entries) return;
    this.forget(version);
    this.entries.set(key, response);
  }

  /** Drops every entry when the graph version changed: none can be asked for again. */
  private forget(version: string): void {
    if (this.version !== version) {
      this.entries!.clear();
      this.version = version;
    }
  }
}
