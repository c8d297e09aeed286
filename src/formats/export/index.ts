// One entry point for every download format: build the bytes, and say what they are.
import { convertEpub, type CalibreOptions } from './calibre.ts';
import { buildEpub } from './epub.ts';
import { buildSeriesEpub } from './epub-series.ts';
import { buildHtml, buildSeriesHtml } from './html.ts';
import { buildSeriesText, buildText } from './text-document.ts';
import type { ExportFormat, ExportSeriesBook, ExportWork } from './types.ts';

export { EXPORT_FORMATS, isExportFormat, type ExportFormat, type ExportSeriesBook, type ExportWork } from './types.ts';
export { calibreMissing, type CalibreOptions } from './calibre.ts';
export { contentDisposition, downloadSlug, downloadUrl, seriesDownloadUrl } from './filename.ts';

/** Bumped whenever any builder's output changes, so cached downloads are made again. */
export const EXPORT_VERSION = 1;

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  epub: 'application/epub+zip',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  pdf: 'application/pdf',
  mobi: 'application/x-mobipocket-ebook',
  azw3: 'application/vnd.amazon.ebook',
};

export async function buildExport(work: ExportWork, format: ExportFormat, calibre: CalibreOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'epub':
      return buildEpub(work);
    case 'html':
      return new TextEncoder().encode(buildHtml(work));
    case 'txt':
    case 'md':
      return new TextEncoder().encode(buildText(work, format));
    case 'pdf':
    case 'mobi':
    case 'azw3':
      return convertEpub(buildEpub(work), format, calibre);
  }
}

/** A whole series as one book, in any format (PDF, MOBI and AZW3 from its EPUB, as for a work). */
export async function buildSeriesExport(series: ExportSeriesBook, format: ExportFormat, calibre: CalibreOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case 'epub':
      return buildSeriesEpub(series);
    case 'html':
      return new TextEncoder().encode(buildSeriesHtml(series));
    case 'txt':
    case 'md':
      return new TextEncoder().encode(buildSeriesText(series, format));
    case 'pdf':
    case 'mobi':
    case 'azw3':
      return convertEpub(buildSeriesEpub(series), format, calibre);
  }
}
