// Download links and absolute URLs of feed entries.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { absoluteUrl, downloadPath } from './feed-entry.ts';

it('links downloads as the work page does', () => {
  assert.equal(downloadPath(12, 'Tea & Biscuits', 'epub'), '/downloads/12/Tea_Biscuits.epub');
  assert.equal(downloadPath(3, 'Été à Paris!', 'html'), '/downloads/3/Ete_a_Paris.html');
});

it('joins the base URL and a path with one slash', () => {
  assert.equal(absoluteUrl('https://archive.example', '/works/1'), 'https://archive.example/works/1');
  assert.equal(absoluteUrl('https://archive.example/', 'works/1'), 'https://archive.example/works/1');
  assert.equal(absoluteUrl('https://example.org/archive', '/opds'), 'https://example.org/archive/opds');
});
