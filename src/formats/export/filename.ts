// Download names. The URL carries a slug of the title, like AO3's /downloads/:id/:slug.:format
// (the slug is only cosmetic: any slug reaches the work). The file name keeps the title as
// written, sent twice in Content-Disposition: an ASCII `filename` for old clients and an RFC 8187
// (formerly RFC 5987) `filename*` in UTF-8, which every current browser prefers (RFC 6266 §4.3).
import type { ExportFormat } from './types.ts';

const MAX_SLUG = 60;
const MAX_NAME = 120;

function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length > max ? chars.slice(0, max).join('') : value;
}

/** Letters and digits of the title (any script) joined by underscores: "月を待つ夜", "Why_she_said_3". */
export function downloadSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return clip(slug, MAX_SLUG).replace(/_+$/, '') || 'work';
}

export function downloadUrl(workId: number, title: string, format: ExportFormat): string {
  return `/downloads/${workId}/${encodeURIComponent(downloadSlug(title))}.${format}`;
}

/** A whole series as one book: /downloads/series/:id/:slug.:format, beside the works' downloads. */
export function seriesDownloadUrl(seriesId: number, title: string, format: ExportFormat): string {
  return `/downloads/series/${seriesId}/${encodeURIComponent(downloadSlug(title))}.${format}`;
}

/** What a download holds, for the names of files whose title gives none: "Work_7", "Series_3". */
export type DownloadNoun = 'Work' | 'Series';

/**
 * The title's letters and digits in ASCII (accents dropped); "Work_ID" when the title has letters
 * ASCII cannot spell (another script), rather than a misleading fragment of it.
 */
export function asciiFileName(workId: number, title: string, format: ExportFormat, noun: DownloadNoun = 'Work'): string {
  const plain = title.normalize('NFKD').replace(/\p{M}+/gu, '');
  if (/[^A-Za-z0-9]/.test(plain.replace(/[^\p{L}\p{N}]+/gu, ''))) return `${noun}_${workId}.${format}`;
  const ascii = plain.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `${clip(ascii, MAX_SLUG).replace(/_+$/, '') || `${noun}_${workId}`}.${format}`;
}

/** The title as a file name: characters file systems refuse become "_". */
export function unicodeFileName(workId: number, title: string, format: ExportFormat, noun: DownloadNoun = 'Work'): string {
  const name = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F/\\:*?"<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return `${clip(name, MAX_NAME).trim() || `${noun} ${workId}`}.${format}`;
}

/** RFC 8187 value-chars: attr-char stays, everything else is percent-encoded UTF-8. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(workId: number, title: string, format: ExportFormat, noun: DownloadNoun = 'Work'): string {
  return `attachment; filename="${asciiFileName(workId, title, format, noun)}"; filename*=UTF-8''${encodeExtValue(unicodeFileName(workId, title, format, noun))}`;
}
