import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { paragraphsFromText } from './rich-text.ts';

describe('paragraphsFromText (AO3 HTML mode)', () => {
  it('wraps plain text into paragraphs, keeping single line breaks', () => {
    assert.equal(paragraphsFromText('One line\nsame paragraph\n\n\nNext one'), '<p>One line<br>\nsame paragraph</p>\n<p>Next one</p>');
  });

  it('keeps inline HTML inside the paragraphs', () => {
    assert.equal(paragraphsFromText('A <em>soft</em> rain\r\n\r\nEnds'), '<p>A <em>soft</em> rain</p>\n<p>Ends</p>');
  });

  it('leaves block-level HTML as the writer wrote it', () => {
    const html = '<p>Already</p>\n\n<blockquote>Quoted</blockquote>';
    assert.equal(paragraphsFromText(html), html);
  });

  it('turns blank input into nothing', () => {
    assert.equal(paragraphsFromText(' \n\n '), '');
  });
});
