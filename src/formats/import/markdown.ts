// Markdown → chapters: rendered with marked (GitHub-flavoured: tables, strikethrough, autolinks),
// raw HTML allowed in the source and then sanitized like any other HTML. Chapters and the work
// title come from headings by the rule in html.ts; with `chapterSplit`, matching lines split
// chapters instead (as in plain text) and headings stay in the body.
//
// Scene breaks: marked already renders `***`, `* * *`, `---` and `- - -` as <hr> (CommonMark
// thematic breaks), and html.ts turns a paragraph holding only `~ ~ ~` into <hr>. A line of only
// tildes (`~~~`) is the one clash: CommonMark reads it as a code fence, and an unclosed fence would
// swallow the rest of the story into a code block. Writers use `~~~` between scenes far more than
// tilde code fences, so a tildes-only line is a scene break; a tilde fence needs an info string
// (`~~~text`), and backtick fences work as usual. `---` right under a line of text stays a
// CommonMark heading (setext), as every Markdown editor shows it.
// YAML front matter is read for its title and left out of the text.
import { Marked } from 'marked';
import { DomUtils, parseDocument } from 'htmlparser2';
import { collapseWhitespace, dropEmptyPreamble, isSceneBreak, splitAtLines } from './common.ts';
import { countWords } from '../../domain/word-count.ts';
import { htmlChapterBody, splitHtml } from './html.ts';
import type { ImportedDocument, ImportOptions } from './types.ts';

const markdown = new Marked({ gfm: true });

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Rewrites tildes-only lines outside code fences as `***`, so they render as <hr>. */
export function markTildeSceneBreaks(source: string): string {
  const lines = source.split('\n');
  // The closing line of the open fence: the same mark, at least as many (CommonMark 4.5).
  let fenceEnd: RegExp | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fenceEnd) {
      if (fenceEnd.test(line)) fenceEnd = null;
      continue;
    }
    if (/^ {0,3}~/.test(line) && /^[~\s]+$/.test(line) && isSceneBreak(line)) {
      lines[i] = '***';
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    const run = open?.[1];
    // A backtick fence's info string may not contain backticks (CommonMark 4.5).
    if (run && !(run[0] === '`' && (open[2] ?? '').includes('`'))) {
      fenceEnd = new RegExp(`^ {0,3}${run[0]}{${run.length},}\\s*$`);
    }
  }
  return lines.join('\n');
}

export function renderMarkdown(source: string): string {
  return markdown.parse(markTildeSceneBreaks(source), { async: false });
}

/** Title from a chapter-split line: ATX heading marks dropped, inline Markdown rendered to text. */
function lineTitle(line: string): string {
  const bare = line.replace(/^#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');
  const html = markdown.parseInline(bare, { async: false });
  return collapseWhitespace(DomUtils.textContent(parseDocument(html, { decodeEntities: true })));
}

// YAML front matter (Pandoc, Jekyll, Obsidian): a `---` first line, `key: value` lines, and a
// closing `---` or `...`. Left in, CommonMark would read it as a rule plus a setext heading, which
// would split off a bogus chapter. Only its `title` is used.
const FRONT_MATTER = /^---\n((?:(?:[A-Za-z_][\w-]*:(?:[ \t].*)?|[ \t-].*|#.*|)\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function splitFrontMatter(source: string): { title: string | null; body: string } {
  const m = FRONT_MATTER.exec(source);
  if (!m) return { title: null, body: source };
  const line = /^title:[ \t]*(.*)$/m.exec(m[1] ?? '');
  const title = collapseWhitespace((line?.[1] ?? '').replace(/^(["'])(.*)\1$/, '$2'));
  return { title: title || null, body: source.slice(m[0].length) };
}

export function markdownToDocument(source: string, options: ImportOptions = {}): ImportedDocument {
  const front = splitFrontMatter(source);
  source = front.body;
  if (!options.chapterSplit) {
    const { title, chapters } = splitHtml(renderMarkdown(source));
    return { title: front.title ?? title, chapters, format: 'md' };
  }
  const parts = splitAtLines(source, options.chapterSplit, lineTitle).map((part) => ({
    title: part.title,
    html: htmlChapterBody(renderMarkdown(part.body)),
  }));
  const chapters = dropEmptyPreamble(parts, (c) => countWords(c.html) > 0).map((c) => ({ title: c.title ?? '', html: c.html }));
  return { title: front.title, chapters, format: 'md' };
}
