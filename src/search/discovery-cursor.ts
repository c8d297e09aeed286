// Keyset cursors of the discovery index: the sort value and work id of the last work on a page,
// base64url JSON, opaque to clients. Title and creator sorts carry the sort key text rather than
// its in-memory rank, because ranks are renumbered as works come and go; the key is located
// again on the next request (SortKeyDict.locate).
import { Buffer } from 'node:buffer';
import { Invalid } from '../domain/errors.ts';
import type { SortKey, SortOrder } from '../domain/work-query.ts';

const VERSION = 1;
const MAX_CURSOR_LENGTH = 600;
const MAX_KEY_LENGTH = 256;

export interface CursorPosition {
  /** Sort value: a number, or the sort key text for title/creator. */
  value: number | string;
  workId: number;
}

export function keyedByText(sort: SortKey): boolean {
  return sort === 'title' || sort === 'creator';
}

export function encodeCursor(sort: SortKey, order: SortOrder, position: CursorPosition): string {
  return Buffer.from(JSON.stringify([VERSION, sort, order, position.value, position.workId])).toString('base64url');
}

function invalid(): never {
  throw new Invalid('The page cursor is not valid for this listing; start again from the first page.', { cursor: 'is not valid' });
}

/** The position a cursor names, for this sort; anything else throws Invalid. */
export function decodeCursor(cursor: string, sort: SortKey, order: SortOrder): CursorPosition {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) invalid();
  const [version, cursorSort, cursorOrder, value, workId] = parsed as unknown[];
  if (version !== VERSION || cursorSort !== sort || cursorOrder !== order) invalid();
  if (typeof workId !== 'number' || !Number.isSafeInteger(workId) || workId < 0) invalid();
  if (keyedByText(sort)) {
    if (typeof value !== 'string' || value.length > MAX_KEY_LENGTH) invalid();
  } else if (typeof value !== 'number' || !Number.isFinite(value)) invalid();
  return { value, workId };
}
