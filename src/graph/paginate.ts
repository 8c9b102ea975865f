import { GraphQueryError, type Page, type PageRequest } from './graph-store';

/** Encodes a cursor: opaque to clients, `<type>:<key>` inside. */
export function encodeCursor(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a cursor of the expected type to its key; throws a GraphQueryError when it is not one. */
export function decodeCursor(cursor: string, type: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(`${type}:`) || encodeCursor(type, decoded.slice(type.length + 1)) !== cursor) {
    throw new GraphQueryError(`"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor`, 'after');
  }
  return decoded.slice(type.length + 1);
}

/** How a sorted list is paged: its order, each item's cursor, and the item a cursor names. */
export interface PageKeys<T> {
  /** The list's order (lists are sorted by it, ascending; no two items compare equal). */
  readonly compare: (a: T, b: T) => number;
  readonly cursorOf: (item: T) => string;
  /** The item a cursor names; throws a GraphQueryError for a cursor that is not valid here. */
  readonly itemOfCursor: (cursor: string) => T;
}

/** Index of the first item that comes after `item` (binary search). */
function firstAfter<T>(items: readonly T[], compare: (a: T, b: T) => number, item: T): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid], item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Cuts one page out of a list sorted by position. A cursor names an item, not
 * an offset, so a page continues at the right place even when the list
 * changed in between (a write, a reload), as long as the item still exists.
 */
export function paginate<T>(items: readonly T[], keys: PageKeys<T>, page: PageRequest | undefined): Page<T> {
  let start = 0;
  if (page?.after) {
    const named = keys.itemOfCursor(page.after);
    start = firstAfter(items, keys.compare, named);
    // The cursor must name an item of this very list, not of another list or another search.
    if (start === 0 || keys.compare(items[start - 1], named) !== 0) {
      throw new GraphQueryError('"after" is not a cursor of this list: pass a cursor from its edges or pageInfo.endCursor', 'after');
    }
  }
  const end = page ? Math.min(items.length, start + Math.max(0, page.first)) : items.length;
  const slice = start === 0 && end === items.length ? items : items.slice(start, end);
  return {
    items: slice,
    cursorAt: (index) => keys.cursorOf(slice[index]),
    totalCount: items.length,
    hasNextPage: end < items.length,
    hasPreviousPage: start > 0,
  };
}
