// The importer behind `owlery import` and the web upload form: checks the raw bytes, decodes
// them, and hands the text to the parser for the file's format. Every refusal is an `Invalid`
// whose message names the file and says what to do, because it is shown to the writer as is.
// .docx and .epub are zip archives: they skip the text checks and are opened by their own readers.
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { Invalid } from '../../domain/errors.ts';
import { countWords } from '../../domain/word-count.ts';
import { parseAo3 } from './ao3.ts';
import { docxToDocument } from './docx.ts';
import { epubToDocument } from './epub.ts';
import { htmlToDocument } from './html.ts';
import { markdownToDocument } from './markdown.ts';
import { textToDocument } from './text.ts';
import type { ImportedDocument, ImportOptions } from './types.ts';

export type { ImportedChapter, ImportedDocument, ImportedMetadata, ImportFormat, ImportOptions } from './types.ts';

/** Largest file accepted: far above any novel in text form, small enough to parse in memory. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const FORMATS: Record<string, ImportedDocument['format']> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.epub': 'epub',
};

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

function formatOf(name: string): ImportedDocument['format'] {
  const ext = path.extname(name).toLowerCase();
  const format = FORMATS[ext];
  if (format) return format;
  const supported = SUPPORTED_EXTENSIONS.join(', ');
  throw new Invalid(ext === ''
    ? `"${name}" has no file extension; supported: ${supported}.`
    : `"${name}": files ending in ${ext} cannot be imported; supported: ${supported}.`);
}

// Exact byte counts: near the limit a rounded "10.0 MB" would look the same as the limit itself.
function size(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes (${(bytes / (1024 * 1024)).toFixed(1)} MB)`;
}

/**
 * True for bytes that no text file contains: any NUL, or more than 1 in 10 bytes being control
 * characters other than tab, line feed, form feed and carriage return.
 */
function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  return controls * 10 > bytes.length;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function decode(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new Invalid(`"${name}" is empty.`);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new Invalid(`"${name}" is saved as UTF-16; save it as UTF-8 and import it again.`);
  }
  if (looksBinary(bytes)) {
    throw new Invalid(`"${name}" looks like a binary file, not text; export it as .txt, .md, .html, .docx or .epub first.`);
  }
  let text: string;
  try {
    // The decoder drops a leading byte-order mark (ignoreBOM is false).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Invalid(`"${name}" is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); save it as UTF-8 and import it again.`);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new Invalid(`"${name}" contains only whitespace.`);
  return text;
}

/** An .html file: AO3's download layout when it has one (with its metadata), else plain HTML. */
function parseHtml(text: string, options: ImportOptions): ImportedDocument {
  // Every AO3 download has a "Stats:" row; other files skip the second parse.
  const ao3 = /stats/i.test(text) ? parseAo3([parseDocument(text, { decodeEntities: true })]) : null;
  // An AO3 download's chapters are marked up, so --chapter-split does not apply to it.
  if (ao3 && ao3.chapters.length > 0) return { title: ao3.title, chapters: ao3.chapters, format: 'html', metadata: ao3.metadata };
  return htmlToDocument(text, options);
}

/**
 * Parses an uploaded or command-line file into a title, sanitized chapters and, for AO3 downloads
 * and EPUBs, the work's metadata. The format follows the extension; `filename` is only used for
 * that and for messages.
 */
export async function parseImportFile(bytes: Uint8Array, filename: string, options: ImportOptions = {}): Promise<ImportedDocument> {
  const name = path.basename(filename);
  const format = formatOf(name);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new Invalid(`"${name}" is ${size(bytes.length)}; the import limit is ${size(MAX_IMPORT_BYTES)}.`);
  }
  let doc: ImportedDocument;
  if (format === 'docx' || format === 'epub') {
    if (bytes.length === 0) throw new Invalid(`"${name}" is empty.`);
    doc = format === 'docx' ? await docxToDocument(bytes, name, options) : epubToDocument(bytes, name, options);
  } else {
    const text = decode(bytes, name);
    doc = format === 'txt' ? textToDocument(text, options)
      : format === 'md' ? markdownToDocument(text, options)
      : parseHtml(text, options);
  }
  if (doc.chapters.every((c) => countWords(c.html) === 0)) {
    throw new Invalid(`"${name}" has no text to import.`);
  }
  return doc;
}
