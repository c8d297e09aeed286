// AO3's "HTML" editing mode: writers type HTML, or plain text in which a blank line starts a new
// paragraph and a single line break stays a line break. Text without any block-level tag is
// wrapped into paragraphs that way; anything else is taken as the writer's HTML. The sanitizer
// runs afterwards either way (work-input.ts), so this only decides the structure.

const BLOCK_TAG = /<\s*(p|div|h[1-6]|blockquote|ul|ol|li|table|pre|hr|center|dl|figure|details|section|article)\b/i;

export function paragraphsFromText(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  if (normalized === '' || BLOCK_TAG.test(normalized)) return normalized;
  return normalized
    .split(/\n[ \t]*\n+/)
    .map((para) => para.trim())
    .filter((para) => para !== '')
    .map((para) => `<p>${para.replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}
