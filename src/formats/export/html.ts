// The HTML download: one self-contained HTML5 file in AO3's download layout — #preface (where it
// was posted, the tags by type, title, byline, summary, notes, contents), #chapters, #afterword
// (end notes) — with the stylesheet inline. The markup is polyglot (well-formed XML as well as
// HTML5), so the same serializer as the EPUB's writes it. Images stay as the writer linked them.
import { bylineText, prepareBook, type Book } from './book.ts';
import { byline, chapterParts, h, metaList, postedOn, prefaceNotes, STYLESHEET, userstuff } from './layout.ts';
import type { ExportWork } from './types.ts';
import { escapeAttr, escapeXml, serialize, type XNode } from './xml.ts';

const SINGLE_FILE = { docOfWorkPart: () => '', docOfChapter: () => '' };

export function buildHtml(work: ExportWork): string {
  const book = prepareBook(work, { images: 'keep', ...SINGLE_FILE });
  const lang = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(work.language) ? work.language : 'und';
  const author = work.creators.length === 0 ? '' : `<meta name="author" content="${escapeAttr(bylineText(work))}"/>\n`;
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="${lang}" xml:lang="${lang}">
<head>
<meta charset="utf-8"/>
<title>${escapeXml(work.title.trim() || 'Untitled')}</title>
${author}<meta name="generator" content="Owlery"/>
<style>
${STYLESHEET}#preface, #afterword { margin-bottom: 2em; }
#chapters > section { margin-bottom: 2em; }
</style>
</head>
<body>
${serialize(body(book))}
</body>
</html>
`;
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
