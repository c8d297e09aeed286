import { it } from 'node:test';
import assert from 'node:assert/strict';
import { safeReturnPath } from './forms.ts';

it('keeps local paths and refuses everything that could leave the site', () => {
  assert.equal(safeReturnPath('/works?page=2#top', '/'), '/works?page=2#top');
  assert.equal(safeReturnPath('/users/wren', '/'), '/users/wren');
  for (const hostile of ['https://evil.example/', '//evil.example/x', '/\\evil.example', '/\t/evil.example/phish', '/\n/evil.example', '\\\\evil.example', 'javascript:alert(1)', '/%09/evil.example', '', 42, null]) {
    const result = safeReturnPath(hostile, '/fallback');
    assert.ok(result === '/fallback' || (result.startsWith('/') && !result.startsWith('//')), `${JSON.stringify(hostile)} → ${result}`);
    if (typeof hostile === 'string' && /evil/.test(hostile)) assert.ok(!new URL(result, 'https://archive.example').host.includes('evil'), `${JSON.stringify(hostile)} stays on site`);
  }
});
