// Small rules shared by the text, Markdown and HTML importers.

/**
 * A scene break: a line holding only three or more of the same mark — `*`, `~` or `-` — with
 * optional spaces between, e.g. `***`, `* * *`, `~~~`, `- - -`. Writers use these between scenes;
 * the importers turn them into <hr>, which is how AO3's editor stores them too.
 */
const SCENE_BREAK = /^(?:(?:\*\s*){2,}\*|(?:~\s*){2,}~|(?:-\s*){2,}-)$/;

export function isSceneBreak(text: string): boolean {
  return SCENE_BREAK.test(text.trim());
}

/** Collapses runs of whitespace and trims: the form chapter and work titles are kept in. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A copy without the g/y flags, whose lastIndex state would make repeated test() calls skip lines. */
export function statelessPattern(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
}

/** A stretch of source text; `title` is null for the part before the first chapter line. */
export interface SourcePart {
  title: string | null;
  body: string;
}

/**
 * Splits source text at lines matching `pattern` (tested against the trimmed line); each matching
 * line becomes the title of the chapter it starts (through `titleOf`) and is left out of the body.
 */
export function splitAtLines(source: string, pattern: RegExp, titleOf: (line: string) => string): SourcePart[] {
  const re = statelessPattern(pattern);
  const parts: SourcePart[] = [];
  let current: SourcePart = { title: null, body: '' };
  const lines: string[] = [];
  const close = () => {
    current.body = lines.join('\n');
    parts.push(current);
    lines.length = 0;
  };
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (trimmed !== '' && re.test(trimmed)) {
      close();
      current = { title: titleOf(trimmed), body: '' };
    } else {
      lines.push(line);
    }
  }
  close();
  return parts;
}

/**
 * Keeps the part before the first chapter line only when it has words (a preface or notes);
 * blank space or a lone scene break before "Chapter 1" is dropped. With no chapter lines at all
 * the single part is the whole document and is always kept.
 */
export function dropEmptyPreamble<T extends { title: string | null }>(parts: T[], hasWords: (part: T) => boolean): T[] {
  if (parts.length <= 1) return parts;
  return parts.filter((part, i) => i > 0 || part.title !== null || hasWords(part));
}
