// Plain text → chapters of HTML. Every character is escaped, so markup in a .txt file (even
// `<script>`) is shown to readers as the text it is.
//
// Layout rules, close to what AO3's "plain text" paste does (ParagraphMaker):
// - one or more blank lines (whitespace-only lines count) end a paragraph: <p>…</p>;
// - a single line break inside a paragraph is kept as <br>;
// - a line that is only a scene break (`* * *`, `***`, `~~~`, `---`, …) becomes <hr> on its own.
import { countWords } from '../../domain/word-count.ts';
import { sanitizeHtml } from '../sanitize.ts';
import { collapseWhitespace, dropEmptyPreamble, isSceneBreak, splitAtLines } from './common.ts';
import { escapeHtml } from '../../domain/escape-html.ts';
import type { ImportedDocument, ImportOptions } from './types.ts';

// Only ASCII blanks are trimmed from line ends: an ideographic space (U+3000) opening a line is
// the paragraph indent of Japanese and Chinese prose and must survive.
function trimAsciiBlanks(line: string): string {
  return line.replace(/^[ \t\f\v]+|[ \t\f\v]+$/g, '');
}

/** Converts plain text (LF line ends) to paragraph HTML, before sanitizing. */
export function textToHtml(text: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push(`<p>${paragraph.map(escapeHtml).join('<br>\n')}</p>`);
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      endParagraph();
    } else if (isSceneBreak(line)) {
      endParagraph();
      blocks.push('<hr>');
    } else {
      paragraph.push(trimAsciiBlanks(line));
    }
  }
  endParagraph();
  return blocks.join('\n');
}

export function textToDocument(source: string, options: ImportOptions = {}): ImportedDocument {
  const parts = options.chapterSplit
    ? splitAtLines(source, options.chapterSplit, collapseWhitespace)
    : [{ title: null, body: source }];
  const chapters = parts.map((part) => ({ title: part.title, html: sanitizeHtml(textToHtml(part.body)) }));
  return {
    title: null,
    chapters: dropEmptyPreamble(chapters, (c) => countWords(c.html) > 0).map((c) => ({ title: c.title ?? '', html: c.html })),
    format: 'txt',
  };
}
