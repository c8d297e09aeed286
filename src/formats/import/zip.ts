// Reading .docx and .epub files, which are zip archives, without trusting them. A small zip can
// claim to hold gigabytes (a "zip bomb"); before anything is inflated, the central directory is
// read and the declared sizes and entry count are capped. fflate inflates each entry into a buffer
// of its declared size and never past it, so an entry that lies about its size comes out
// truncated instead of growing without bound.
import { unzipSync } from 'fflate';
import { Invalid } from '../../domain/errors.ts';

export const ZIP_LIMITS = {
  /** Sum of the declared uncompressed sizes of the entries that get inflated. */
  maxTotalBytes: 50 * 1024 * 1024,
  /** Entries in the archive, read or not: a book has a few hundred at most. */
  maxEntries: 5_000,
};

export interface ZipEntryInfo {
  name: string;
  size: number;
}

/** The archive's entry names and declared sizes, or Invalid when it is not a readable zip. */
export function listZip(bytes: Uint8Array, fileName: string, kind: string): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.originalSize });
        if (entries.length > ZIP_LIMITS.maxEntries) {
          throw new Invalid(`"${fileName}" holds more than ${ZIP_LIMITS.maxEntries.toLocaleString('en-US')} files; it is not a ${kind} this archive can import.`);
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof Invalid) throw error;
    throw new Invalid(`"${fileName}" is not a valid ${kind} file (it could not be opened as a zip archive); save it again and retry.`);
  }
  return entries;
}

/**
 * Inflates the entries `wanted` picks, refusing the file when their declared sizes add up past
 * the limit. Entries that fail to inflate (corrupt data, unknown compression) make it Invalid.
 */
export function readZip(bytes: Uint8Array, fileName: string, kind: string, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const entries = listZip(bytes, fileName, kind);
  let total = 0;
  for (const entry of entries) {
    if (!wanted(entry.name)) continue;
    total += entry.size;
    if (total > ZIP_LIMITS.maxTotalBytes) {
      throw new Invalid(`"${fileName}" unpacks to more than ${ZIP_LIMITS.maxTotalBytes / (1024 * 1024)} MB; it is too large to import.`);
    }
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => wanted(file.name) });
  } catch {
    throw new Invalid(`"${fileName}" is a damaged ${kind} file (its contents could not be unpacked); save it again and retry.`);
  }
  return new Map(Object.entries(files));
}

/** Decodes an entry as UTF-8 (EPUB and OOXML parts are UTF-8 or say otherwise, which is rare). */
export function zipText(entry: Uint8Array): string {
  return new TextDecoder('utf-8').decode(entry).replace(/^\uFEFF/, '');
}
