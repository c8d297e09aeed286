// A file uploaded on the posting form (.txt, .md, .html, .docx, .epub) goes through the shared
// importer; its chapters become the work's text and its metadata (AO3 downloads, EPUBs) fills in
// whatever the writer left blank. The result is always previewed before it is posted.
import { Invalid } from '../../domain/errors.ts';
import { parseImportFile, type ImportedDocument } from '../../formats/import/index.ts';
import type { ServiceContext } from '../context.ts';
import { requireWriter } from './access.ts';

export interface Upload {
  filename: string;
  bytes: Uint8Array;
}

/** Parses an upload; every refusal is an Invalid under the `file` field. */
export async function importUpload(ctx: ServiceContext, upload: Upload): Promise<ImportedDocument> {
  requireWriter(ctx);
  try {
    return await parseImportFile(upload.bytes, upload.filename);
  } catch (error) {
    if (error instanceof Invalid) throw new Invalid(error.message, { file: error.message });
    throw error;
  }
}
