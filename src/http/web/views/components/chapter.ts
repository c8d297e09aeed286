// One chapter of a work page, after otwarchive's chapters/_chapter: heading, chapter summary and
// notes, the text, end notes. Headings sit one level under the work title (h2 for the chapter,
// h3 inside it) so the outline is h1 work → h2 chapter → h3 parts.
import { html, raw } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { ChapterView } from '../../../present/view-models.ts';

export interface ChapterOptions {
  /** Link the "Chapter N" heading to the chapter's own page (AO3 does this in full-work view). */
  linkHeading: boolean;
  /**
   * A work that is not chaptered (expected to stay one chapter: `1/1`) shows no chapter heading,
   * only a hidden "Work Text" one, as on AO3; `1/3` or `1/?` shows "Chapter 1: Title".
   */
  single: boolean;
}

function userstuffModule(cls: string, title: string, contentHtml: string, id = ''): SafeHtml {
  if (!contentHtml) return html``;
  return html`<div class="${cls} module"${id ? html` id="${id}"` : ''}>
<h3 class="heading">${title}</h3>
<blockquote class="userstuff">${raw(contentHtml)}</blockquote>
</div>`;
}

function chapterHeading(chapter: ChapterView, options: ChapterOptions, id: string): SafeHtml {
  if (options.single) return html`<h2 class="visually-hidden" id="${id}">Work Text</h2>`;
  // "Chapter N" is what a screen-reader user jumps between; the title follows as AO3 prints it.
  const number = `Chapter ${chapter.number}`;
  const label = options.linkHeading ? html`<a href="${chapter.url}">${number}</a>` : html`${number}`;
  return html`<h2 class="title heading" id="${id}">${label}${chapter.title ? html`: ${chapter.title}` : ''}</h2>`;
}

export function chapterSection(chapter: ChapterView, options: ChapterOptions): SafeHtml {
  const headingId = `chapter-${chapter.number}-heading`;
  const textId = `chapter-${chapter.number}-text`;
  return html`<section class="chapter" id="chapter-${chapter.number}" aria-labelledby="${headingId}">
<div class="chapter preface group">
${chapterHeading(chapter, options, headingId)}
${userstuffModule('summary', 'Chapter Summary', chapter.summaryHtml)}
${userstuffModule('notes', 'Chapter Notes', chapter.notesHtml)}
</div>
<div class="userstuff module" role="article" aria-labelledby="${textId}">
<h3 class="visually-hidden" id="${textId}">${options.single ? 'Work Text' : `Chapter ${chapter.number} Text`}</h3>
${raw(chapter.contentHtml)}
</div>
${userstuffModule('end notes', 'Chapter End Notes', chapter.endNotesHtml)}
</section>`;
}
