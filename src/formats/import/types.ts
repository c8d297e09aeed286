// What every importer returns, whatever the file format. The CLI (`owlery import`) and the web
// upload form both turn an ImportedDocument into a work with one chapter per entry.

export interface ImportedChapter {
  /** Plain-text chapter title ('' when the file gives none). */
  title: string;
  /** Chapter body, already passed through sanitizeHtml. */
  html: string;
}

export interface ImportedDocument {
  /** Plain-text work title found in the file, or null (the caller then asks or uses the filename). */
  title: string | null;
  chapters: ImportedChapter[];
  format: 'txt' | 'md' | 'html';
}

export interface ImportOptions {
  /**
   * A line (text, Markdown) or block (HTML) matching this starts a new chapter and becomes its
   * title, instead of splitting at headings (`owlery import --chapter-split REGEX`).
   */
  chapterSplit?: RegExp | null;
}
