// What the download builders take: a plain description of a work as one reader may see it. The
// service (services/export-work.ts) builds it from the read path, so the policy has already been
// applied: drafts appear only for creators, anonymous works carry no creators, and so on. Every
// *Html field holds sanitized HTML (formats/sanitize.ts); everything else is plain text.
import type { TagType } from '../../domain/tag-types.ts';

export const EXPORT_FORMATS = ['epub', 'html', 'txt', 'md', 'pdf', 'mobi', 'azw3'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportTag {
  name: string;
  type: TagType;
  /** Absolute URL of the tag's page on the archive. */
  url: string;
}

export interface ExportCreator {
  /** As bylines print it: "pseud (login)", or the login alone. */
  name: string;
  /** Absolute URL of the creator's page. */
  url: string;
}

export interface ExportSeries {
  title: string;
  /** The work's place in the series ("Part 2 of …"), when known. */
  position: number | null;
  url: string;
}

export interface ExportChapter {
  /** 1-based, as the reader counts them. */
  number: number;
  title: string;
  summaryHtml: string;
  notesHtml: string;
  endNotesHtml: string;
  contentHtml: string;
  wordCount: number;
  /** Absolute URL of the chapter's page. */
  url: string;
}

export interface ExportWork {
  id: number;
  title: string;
  /** Absolute URL of the work's page; relative links in the text resolve against it. */
  url: string;
  /**
   * Who may be named: empty for an anonymous work unless a creator is downloading it (and for
   * works whose creators all left). Builders print what is here, or "Anonymous".
   */
  creators: ExportCreator[];
  anonymous: boolean;
  /** In AO3's display order: rating, warnings, categories, fandoms, relationships, characters, freeforms. */
  tags: ExportTag[];
  /** BCP 47 code, e.g. "en", "ja", "pt-BR". */
  language: string;
  /** The language's own name, e.g. "日本語". */
  languageName: string;
  summaryHtml: string;
  notesHtml: string;
  endNotesHtml: string;
  series: ExportSeries[];
  chapters: ExportChapter[];
  /** AO3's `chaptered?`: the work is (meant to be) in several chapters, so chapters get headings. */
  chaptered: boolean;
  wordCount: number;
  /** Posted chapters; with expectedChapters this is AO3's "3/10" or "3/?". */
  chapterCount: number;
  expectedChapters: number | null;
  complete: boolean;
  /** ISO timestamps; null for a draft. */
  publishedAt: string | null;
  updatedAt: string | null;
  /** When the content last changed (ISO): dcterms:modified and the zip entries' dates. */
  modifiedAt: string;
  /** The archive's name and origin, for "Posted on …". */
  siteName: string;
  siteUrl: string;
}

/**
 * A whole series as one book: a title page for the series, then each work the reader may see, in
 * series order, as a part of its own (preface, chapters, afterword). The service
 * (services/export-series.ts) has applied the policy to every work, as for ExportWork.
 */
export interface ExportSeriesBook {
  id: number;
  title: string;
  /** Absolute URL of the series page. */
  url: string;
  /**
   * The creators of the included works whom the reader may know, in series order without
   * repeats; empty when every included work is anonymous (builders print "Anonymous").
   */
  creators: ExportCreator[];
  summaryHtml: string;
  notesHtml: string;
  complete: boolean;
  /** At least one, in series order. */
  works: ExportWork[];
  /** ISO timestamps: the earliest work's publication, and the latest change to the series or its works. */
  publishedAt: string | null;
  modifiedAt: string;
  siteName: string;
  siteUrl: string;
}
