import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESCAPED, EVIL, byId, check, postActions, user } from '../../../../test/support/page-checks.ts';
import { mutedView, savedSearchesView } from './personal-filters.ts';

const tags = [{ id: 4, name: EVIL, typeLabel: 'Additional Tag', url: '/tags/x', mutedAt: '2026-11-01T10:00:00Z' }];
const users = [{ id: 9, login: 'quill', url: '/users/quill', mutedAt: '2026-11-02T10:00:00Z' }];

describe('muted tags and creators page', () => {
  it('lists both with unmute buttons and add forms, all carrying the CSRF token', () => {
    const page = mutedView(user({ title: 'Muted' }), { login: 'wren', action: '/users/wren/muted', tags, users, errors: {}, values: {} });
    const parsed = check(page);
    assert.deepEqual(postActions(parsed), ['/logout', '/users/wren/muted/tags/4/delete', '/users/wren/muted/tags', '/users/wren/muted/users/9/delete', '/users/wren/muted/users']);
    assert.ok(page.includes(ESCAPED) && !page.includes(EVIL), 'tag names are escaped');
    assert.equal(byId(parsed, 'tags_tag')?.attrs.list, 'tags_tag_list');
    assert.match(page, /<script type="module" src="\/static\/js\/tag-autocomplete.js"><\/script>/);
  });

  it('shows a field error in the summary and on the field, keeping what was typed', () => {
    const page = mutedView(user(), { login: 'wren', action: '/users/wren/muted', tags: [], users: [], errors: { 'users.login': 'You cannot mute yourself.' }, values: { 'users.login': 'wren' } });
    const parsed = check(page);
    assert.match(page, /<a href="#users_login">You cannot mute yourself\.<\/a>/);
    assert.equal(byId(parsed, 'users_login')?.attrs['aria-invalid'], 'true');
    assert.equal(byId(parsed, 'users_login')?.attrs.value, 'wren');
    assert.match(page, /You have not muted any tags\./);
  });
});

describe('saved searches page', () => {
  it('links each search to its listing and offers delete and save forms', () => {
    const searches = [{ id: 3, name: EVIL, query: 'q=lighthouse', url: '/works/search?q=lighthouse', createdAt: '2026-11-01T10:00:00Z' }];
    const page = savedSearchesView(user(), { login: 'wren', action: '/users/wren/saved-searches', searches, errors: { 'save._': 'You can keep at most 100 saved searches.' }, values: {} });
    const parsed = check(page);
    assert.deepEqual(postActions(parsed), ['/logout', '/users/wren/saved-searches/3/delete', '/users/wren/saved-searches']);
    assert.match(page, /<a href="\/works\/search\?q=lighthouse">/);
    assert.ok(page.includes(ESCAPED) && !page.includes(EVIL));
    assert.match(page, /<a href="#save-search">You can keep at most 100 saved searches\.<\/a>/);
  });
});
