// Word documents (.docx) → chapters. mammoth turns the document into plain semantic HTML
// (paragraphs, emphasis, lists, tables; Word's "Heading 1…6" styles become h1…h6 through its default
// style map), and html.ts splits that at headings exactly as it splits an uploaded .html file.
import { zipSync } from 'fflate';
import mammoth from 'mammoth';
import { Invalid } from '../../domain/errors.ts';
import { splitHtml } from './html.ts';
import type { ImportedDocument, ImportOptions } from './types.ts';
import { readZip } from './zip.ts';

// Word's "Title" style is the work's title: as an h1 ahead of the chapter headings, html.ts takes
// it as the title and splits chapters at the headings after it.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];

// Images are not imported (the archive stores no uploaded files); an <img> without src is dropped
// by the sanitizer, so mammoth is told not to inline them as data: URLs at all.
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function docxToDocument(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportedDocument> {
  // mammoth unzips through JSZip, which believes nothing about sizes and would inflate a zip bomb
  // in full. So the parts are inflated here, within zip.ts's caps (an entry lying about its size
  // comes out cut at the size it declared), and mammoth gets them re-packed uncompressed.
  const parts = readZip(bytes, fileName, 'Word (.docx)', () => true);
  if (!parts.has('word/document.xml') && !parts.has('[Content_Types].xml')) {
    throw new Invalid(`"${fileName}" is a zip archive but not a Word document; save it from Word as .docx and retry.`);
  }
  const repacked = zipSync(Object.fromEntries(parts), { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      { styleMap: STYLE_MAP, convertImage: NO_IMAGES, externalFileAccess: false },
    );
    html = result.value;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Invalid(`"${fileName}" could not be read as a Word document (${reason}); save it from Word as .docx and retry.`);
  }
  const { title, chapters } = splitHtml(html, options);
  return { title, chapters, format: 'docx', metadata: null };
}
