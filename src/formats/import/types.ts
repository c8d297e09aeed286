// What every importer returns, whatever the file format. The CLI (`owlery import`) and the web
// upload form both turn an ImportedDocument into a work with one chapter per entry.

export interface ImportedChapter {
  /** Plain-text chapter title ('' when the file gives none). */
  title: string;
  /** Chapter body, already passed through sanitizeHtml. */
  html: string;
  /** Sanitized chapter summary, notes and end notes, when the file has them (AO3 downloads). */
  summaryHtml?: string;
  notesHtml?: string;
  endNotesHtml?: string;
}

export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'epub';

/**
 * Work metadata found in the file. `source` says how far to trust it: 'ao3' is an AO3 download
 * whose preface names every field by type; 'epub' is a generic EPUB's package metadata
 * (title, creators, language, subjects, description, date), which has no tag types.
 */
export interface ImportedMetadata {
  source: 'ao3' | 'epub';
  /** Names as the file prints them; AO3 keeps its "pseud (login)" form. */
  creators: string[];
  rating: string | null;
  warnings: string[];
  categories: string[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  freeforms: string[];
  /** As given: AO3 prints the language's own name ("English", "日本語"); EPUBs give a code. */
  language: string | null;
  /** Sanitized HTML; '' when absent. */
  summaryHtml: string;
  notesHtml: string;
  endNotesHtml: string;
  /** Every series the work belongs to, in the file's order; position null when not given. */
  series: Array<{ title: string; position: number | null }>;
  /** ISO date (YYYY-MM-DD) the work was first published. */
  publishedAt: string | null;
  /** From AO3's "Chapters: 2/5"; null for "2/?" (a work in progress) or when not given. */
  expectedChapters: number | null;
}

export interface ImportedDocument {
  /** Plain-text work title found in the file, or null (the caller then asks or uses the filename). */
  title: string | null;
  chapters: ImportedChapter[];
  format: ImportFormat;
  /** Null unless the file carries work metadata (AO3 downloads, EPUB package metadata). */
  metadata?: ImportedMetadata | null;
}

export interface ImportOptions {
  /**
   * A line (text, Markdown) or block (HTML) matching this starts a new chapter and becomes its
   * title, instead of splitting at headings (`owlery import --chapter-split REGEX`).
   */
  chapterSplit?: RegExp | null;
}

/** Metadata with every field empty, for parsers to fill in. */
export function emptyMetadata(source: ImportedMetadata['source']): ImportedMetadata {
  return {
    source,
    creators: [],
    rating: null,
    warnings: [],
    categories: [],
    fandoms: [],
    relationships: [],
    characters: [],
    freeforms: [],
    language: null,
    summaryHtml: '',
    notesHtml: '',
    endNotesHtml: '',
    series: [],
    publishedAt: null,
    expectedChapters: null,
  };
}
