// The HTML download: one self-contained HTML5 file in AO3's download layout — #preface (where it
// was posted, the tags by type, title, byline, summary, notes, contents), #chapters, #afterword
// (end notes) — with the stylesheet inline. The markup is polyglot (well-formed XML as well as
// HTML5), so the same serializer as the EPUB's writes it. Images stay as the writer linked them.
//
// A series (buildSeriesHtml) is one file too: the series' opening (title, creators, stats,
// description, notes, the list of works), then each work as an <article> laid out like a work's
// own download one heading level down, its ids and footnote anchors prefixed with `work-N-` so
// that no two works' ids meet, and its language marked when it differs from the first work's.
import { bylineText, languageTag, prepareBook, prepareSeriesBook, type Book } from './book.ts';
import { byline, chapterParts, h, langAttrs, metaList, postedOn, prefaceNotes, seriesOpening, STYLESHEET, userstuff } from './layout.ts';
import type { ExportCreator, ExportSeriesBook, ExportWork } from './types.ts';
import { escapeAttr, escapeXml, serialize, type XNode } from './xml.ts';

const SINGLE_FILE = { docOfWorkPart: () => '', docOfChapter: () => '' };

export function buildHtml(work: ExportWork): string {
  const book = prepareBook(work, { images: 'keep', ...SINGLE_FILE });
  const style = '#preface, #afterword { margin-bottom: 2em; }\n#chapters > section { margin-bottom: 2em; }\n';
  return htmlDocument(languageTag(work.language), work.title, work.creators, style, body(book));
}

export function buildSeriesHtml(series: ExportSeriesBook): string {
  if (series.works.length === 0) throw new Error('A series book needs at least one work.');
  const book = prepareSeriesBook(series, '', 'keep', (_work, i) => ({ images: 'keep', ...SINGLE_FILE, anchorPrefix: `work-${i + 1}-` }));
  const lang = languageTag(series.works[0]!.language);
  const style = `#series, article.work { margin-bottom: 3em; }
article.work .preface h2.title { text-align: center; margin-top: 2em; }
article.work .chapters > section { margin-bottom: 2em; }
`;
  const works = book.works.map((work, i) => h('article', { class: 'work', id: `work-${i + 1}`, ...langAttrs(work.work.language, lang) }, seriesPart(work, `work-${i + 1}-`)));
  const nodes: XNode[] = [h('div', { id: 'series', class: 'series-preface' }, seriesOpening(book, (i) => `#work-${i + 1}`))];
  for (const work of works) nodes.push('\n', work);
  return htmlDocument(lang, series.title, series.creators, style, nodes);
}

function htmlDocument(lang: string, title: string, creators: ExportCreator[], style: string, nodes: XNode[]): string {
  const author = creators.length === 0 ? '' : `<meta name="author" content="${escapeAttr(bylineText({ creators }))}"/>\n`;
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" xml:lang="${lang}">
<head>
<meta charset="utf-8"/>
<title>${escapeXml(title.trim() || 'Untitled')}</title>
${author}<meta name="generator" content="Owlery"/>
<style>
${STYLESHEET}${style}</style>
</head>
<body>
${serialize(nodes)}
</body>
</html>
`;
}

/** One work of a series: its preface, chapters and afterword, headings a level down. */
function seriesPart(book: Book, idPrefix: string): XNode[] {
  const { work } = book;
  const contents =
    book.chapters.length > 1
      ? h(
          'nav',
          { class: 'toc' },
          h('h3', { class: 'heading' }, 'Contents'),
          h('ol', {}, book.chapters.map((c) => h('li', {}, h('a', { href: `#${idPrefix}chapter-${c.chapter.number}` }, c.label)))),
        )
      : null;
  return [
    h('div', { class: 'preface' }, postedOn(work), metaList(work), h('h2', { class: 'title' }, work.title), byline(work), prefaceNotes(book, `#${idPrefix}endnotes`, 3), contents),
    h('div', { class: 'chapters userstuff' }, book.chapters.map((chapter) => h('section', { class: 'chapter', id: `${idPrefix}chapter-${chapter.chapter.number}` }, chapterParts(chapter, 3)))),
    h('div', { class: 'afterword' }, h('h3', { class: 'heading' }, 'Afterword'), userstuff('end-notes', 'End Notes', 4, book.endNotes, { id: `${idPrefix}endnotes` }), postedOn(work)),
  ];
}

function body(book: Book): XNode[] {
  const { work } = book;
  const contents =
    book.chapters.length > 1
      ? h(
          'nav',
          { id: 'toc', class: 'toc' },
          h('h2', { class: 'heading' }, 'Contents'),
          h('ol', {}, book.chapters.map((c) => h('li', {}, h('a', { href: `#chapter-${c.chapter.number}` }, c.label)))),
        )
      : null;
  return [
    h(
      'div',
      { id: 'preface' },
      postedOn(work),
      metaList(work),
      h('h1', { class: 'title' }, work.title),
      byline(work),
      prefaceNotes(book, '#endnotes'),
      contents,
    ),
    '\n',
    h(
      'div',
      { id: 'chapters', class: 'userstuff' },
      book.chapters.map((chapter) => h('section', { class: 'chapter', id: `chapter-${chapter.chapter.number}` }, chapterParts(chapter, 2))),
    ),
    '\n',
    h('div', { id: 'afterword' }, h('h2', { class: 'heading' }, 'Afterword'), userstuff('end-notes', 'End Notes', 3, book.endNotes, { id: 'endnotes' }), postedOn(work)),
  ];
}
