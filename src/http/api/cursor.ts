// Opaque keyset cursors for API pagination: base64url of the last row's sort key.
import type { ListCursor } from '../../db/repos/work-listing.repo.ts';
import { Invalid } from '../../domain/errors.ts';

export function encodeCursor(cursor: ListCursor | null): string | null {
  return cursor ? Buffer.from(JSON.stringify([cursor.revisedAt, cursor.id])).toString('base64url') : null;
}

export function decodeCursor(raw: string | undefined): ListCursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && !Number.isNaN(Date.parse(value[0])) && Number.isInteger(value[1])) {
      return { revisedAt: value[0], id: value[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new Invalid('The cursor is not one this API gave out; start again without it.', { cursor: 'Unrecognized cursor.' });
}
