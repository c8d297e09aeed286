import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { html } from '../html.ts';
import type { PageChrome, WorkBlurb } from '../../present/view-models.ts';
import { blurbListWithMutes, blurbOrMuted, mutedLabel, mutedWorkCard } from './muted-work.ts';
import { muteCreatorControl, muteTagControl } from './mute-controls.ts';

const blurb = (id: number): WorkBlurb => ({
  id,
  url: `/works/${id}`,
  title: `Work ${id} <b>`,
  creators: [{ pseud: 'Wren', login: 'wren', url: '/users/wren' }],
  anonymous: false,
  rating: null,
  warnings: [],
  categories: [],
  fandoms: [],
  relationships: [],
  characters: [],
  freeforms: [],
  summaryHtml: '',
  language: { code: 'en', name: 'English' },
  wordCount: 10,
  chapterCount: 1,
  expectedChapters: 1,
  complete: true,
  restricted: false,
  series: [],
  stats: { hits: 0, kudos: 0, comments: 0, bookmarks: 0 },
  postedAt: '2026-11-01T10:00:00Z',
  updatedAt: null,
});

const chrome = (over: Partial<PageChrome> = {}): PageChrome => ({ siteName: 'Owlery', title: 'Page', path: '/users/wren', csrfToken: 'tok', ...over });

describe('muted work cards', () => {
  it('says why, joining the reasons', () => {
    assert.equal(mutedLabel(['the tag Angst']), 'Hidden because you muted the tag Angst.');
    assert.equal(mutedLabel(['the tag Angst', 'the tag Gore', 'the creator wren']), 'Hidden because you muted the tag Angst, the tag Gore, and the creator wren.');
  });

  it('collapses a blurb inside its own list item, keeping its id, and escapes the reasons', () => {
    const out = blurbOrMuted(blurb(5), new Map([[5, ['the tag <Angst>']]])).value;
    assert.match(out, /^<li id="work_5" class="muted work blurb group"><details class="muted-work">\n<summary><span class="muted-reason">Hidden because you muted the tag &lt;Angst&gt;\.<\/span> <span class="muted-show" aria-hidden="true">Show<\/span><\/summary>\n<article>/);
    assert.match(out, /<\/article>\n<\/details><\/li>$/);
    assert.doesNotMatch(out.split('</summary>')[0]!, /Work 5/, 'the title stays inside, unseen until opened');
  });

  it('leaves unmuted works as they are, and wraps anything else in a div', () => {
    const plain = blurbOrMuted(blurb(6), new Map()).value;
    assert.match(plain, /^<li id="work_6" class="work blurb group"><article>/);
    assert.equal(mutedWorkCard([], html`<p>x</p>`).value, '<p>x</p>');
    assert.match(mutedWorkCard(['the creator wren'], html`<p>x</p>`).value, /^<div class="muted-work-card"><details class="muted-work">/);
    const list = blurbListWithMutes([blurb(1), blurb(2)], new Map([[2, ['the creator wren']]]), 2).value;
    assert.equal((list.match(/<details/g) ?? []).length, 1);
    assert.match(list, /^<ol class="work index group"><li id="work_1"/);
  });
});

describe('mute controls', () => {
  it('offers muting a creator to other logged-in readers only', () => {
    assert.equal(muteCreatorControl(chrome(), { userId: 3, login: 'wren', muted: false }).value, '');
    assert.equal(muteCreatorControl(chrome({ currentUser: 'Wren' }), { userId: 3, login: 'wren', muted: false }).value, '');
    const mute = muteCreatorControl(chrome({ currentUser: 'heron' }), { userId: 3, login: 'wren', muted: false }).value;
    assert.match(mute, /action="\/users\/heron\/muted\/users"/);
    assert.match(mute, /name="_csrf" value="tok"/);
    assert.match(mute, /name="login" value="wren"/);
    assert.match(mute, /name="return_to" value="\/users\/wren"/);
    assert.match(mute, />Mute this creator</);
    const unmute = muteCreatorControl(chrome({ currentUser: 'heron' }), { userId: 3, login: 'wren', muted: true }).value;
    assert.match(unmute, /action="\/users\/heron\/muted\/users\/3\/delete"/);
    assert.match(unmute, />Unmute this creator</);
  });

  it('offers muting a tag to logged-in readers', () => {
    assert.equal(muteTagControl(chrome({ path: '/tags/Angst' }), { tagId: 9, name: 'Angst', muted: false }).value, '');
    const mute = muteTagControl(chrome({ path: '/tags/Angst', currentUser: 'heron' }), { tagId: 9, name: 'Angst', muted: false }).value;
    assert.match(mute, /action="\/users\/heron\/muted\/tags"/);
    assert.match(mute, /name="tag" value="Angst"/);
    assert.match(muteTagControl(chrome({ currentUser: 'heron' }), { tagId: 9, name: 'Angst', muted: true }).value, /action="\/users\/heron\/muted\/tags\/9\/delete"/);
  });
});
