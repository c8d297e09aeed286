// The authorization matrix: every route × every kind of actor × every work state, built from the
// app's own route table — a route without an entry here fails the test. Each check makes a real
// request as that actor and compares "allowed" or "denied" with what the policy promises.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { ACTORS, PASSWORD, WORK_STATES, buildFixture, expectations as may, type ActorName, type Fixture, type FixtureWork, type WorkState } from './authorization-fixture.ts';
import { WebClient, type WebResponse } from '../support/web-client.ts';
import { insertCreatorships } from '../../src/db/repos/works.repo.ts';
import { insertBlock } from '../../src/db/repos/blocks.repo.ts';
import { insertTestComment } from '../support/comments.ts';
import { testBookmark, testNotification, testReading, testSubscription } from '../support/reader.ts';

interface Request {
  url: string;
  /** Form fields for a POST; the client adds the actor's CSRF token. */
  body?: Record<string, string>;
  /** A JSON body (API routes); sent with the actor's CSRF token in a header. */
  json?: unknown;
}

interface RouteCase {
  /** Checked once per work state (the request is about a work), or once overall. */
  perWork: boolean;
  /** Changes or removes what it acts on: each check gets a fresh work. */
  mutates?: boolean;
  /** Ends the session it runs in: each check logs in afresh instead of using the shared client. */
  ownSession?: boolean;
  request(f: Fixture, actor: ActorName, work: FixtureWork): Request | Promise<Request>;
  allowed(actor: ActorName, state: WorkState): boolean;
}

const everyone = () => true;
const nobody = () => false;
const activeUsers = (a: ActorName) => may.isActiveUser(a);
const admins = (a: ActorName) => a === 'admin';
const readers = (a: ActorName, s: WorkState) => may.canRead(a, s);
const editors = (a: ActorName) => may.canEdit(a);
const page = (url: string): RouteCase => ({ perWork: false, request: () => ({ url }), allowed: everyone });
/** The plain user's own comment: theirs to edit where they may read the work. */
const commenter = (a: ActorName, s: WorkState) => a === 'user' && may.canRead('user', s);
/** A comment on the work's second chapter by `login`, written straight into the store. */
const commentOn = (f: Fixture, w: FixtureWork, login: string, status: 'published' | 'held' = 'published') =>
  insertTestComment(f.t.store.db, { workId: w.id, chapterId: w.chapterIds[1]!, login, status });
/** The target account, blocked by the owner (so there is a block to lift); its id. */
async function blockTarget(f: Fixture): Promise<number> {
  const ids = await f.t.store.db.selectFrom('users').select(['id', 'login']).where('login', 'in', [f.logins.owner, f.target]).execute();
  const owner = ids.find((u) => u.login === f.logins.owner)!.id;
  const target = ids.find((u) => u.login === f.target)!.id;
  await insertBlock(f.t.store.db, owner, target, new Date().toISOString());
  return target;
}
let unique = 0;

/** Bookmark, subscribe to or mark for later: active users, on posted works they may read (not drafts, not hidden ones). */
const trackers = (a: ActorName, s: WorkState) => activeUsers(a) && (s === 'posted' || s === 'anonymous' || s === 'restricted');
const plainUser = (a: ActorName) => a === 'user';

const MATRIX: Record<string, RouteCase> = {
  // Public pages and listings (what they may list is the canary test's business).
  'GET /': page('/'),
  'GET /works': page('/works'),
  'GET /works/search': page('/works/search?q=story'),
  'GET /healthz': page('/healthz'),
  'GET /api': page('/api'),
  'GET /api/v1/openapi.json': page('/api/v1/openapi.json'),
  'GET /api/v1/works': page('/api/v1/works'),
  'GET /api/v1/tags/:tag': page('/api/v1/tags/Original%20Work'),
  'GET /tags/:tag': page('/tags/Original%20Work'),
  'GET /tags/:tag/works': page('/tags/Original%20Work/works'),
  'GET /static/*': page('/static/css/owlery.css'),
  'GET /users/:login': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}` }), allowed: everyone },
  'GET /users/:login/works': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/works` }), allowed: everyone },
  'GET /users/:login/pseuds/:pseud': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/pseuds/${f.logins.owner}` }), allowed: everyone },
  'GET /login': page('/login'),
  'GET /signup': page('/signup'),
  'GET /password/forgot': page('/password/forgot'),

  // Reading a work: the heart of the policy.
  'GET /works/:id': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}` }), allowed: readers },
  'GET /works/:id/chapters/:chapterId': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/${w.chapterIds[1]}` }), allowed: readers },
  'GET /api/v1/works/:id': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}` }), allowed: readers },
  'GET /api/v1/works/:id/chapters': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/chapters` }), allowed: readers },
  'GET /downloads/:id/:slug.:format': { perWork: true, request: (_f, _a, w) => ({ url: `/downloads/${w.id}/matrix.epub` }), allowed: readers },
  // A series page shows the series' listed works: posted, not hidden, restricted ones to members.
  'GET /series/:id': { perWork: true, request: (_f, _a, w) => ({ url: `/series/${w.seriesId}` }), allowed: (a, s) => s === 'posted' || s === 'anonymous' || (s === 'restricted' && activeUsers(a)) },
  // A series' download holds the works its page lists, so it exists when the page does.
  'GET /downloads/series/:id/:slug.:format': {
    perWork: true,
    request: (_f, _a, w) => ({ url: `/downloads/series/${w.seriesId}/matrix.epub` }),
    allowed: (a, s) => s === 'posted' || s === 'anonymous' || (s === 'restricted' && activeUsers(a)),
  },

  // Feeds and the OPDS catalog are public pages: each lists what its reader may see (the canary
  // test checks that). A series feed exists when its series page does.
  'GET /tags/:tag/feed.atom': page('/tags/Original%20Work/feed.atom'),
  'GET /users/:login/feed.atom': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/feed.atom` }), allowed: everyone },
  'GET /series/:id/feed.atom': { perWork: true, request: (_f, _a, w) => ({ url: `/series/${w.seriesId}/feed.atom` }), allowed: (a, s) => s === 'posted' || s === 'anonymous' || (s === 'restricted' && activeUsers(a)) },
  'GET /opds': page('/opds'),
  'GET /opds/new': page('/opds/new'),
  'GET /opds/fandoms': page('/opds/fandoms'),
  'GET /opds/fandoms/:tag': page('/opds/fandoms/Original%20Work'),
  'GET /opds/ratings': page('/opds/ratings'),
  'GET /opds/ratings/:tag': page('/opds/ratings/Not%20Rated'),
  'GET /opds/search.xml': page('/opds/search.xml'),
  'GET /opds/search': page('/opds/search?q=Matrix'),

  // One-time links with unknown tokens lead nowhere, for anyone.
  'GET /setup/:token': { perWork: false, request: () => ({ url: '/setup/not-a-real-token-value' }), allowed: nobody },
  'POST /setup/:token': {
    perWork: false,
    request: () => ({ url: '/setup/not-a-real-token-value', body: { login: 'x', email: 'x@example.org', password: PASSWORD_X, password_confirmation: PASSWORD_X } }),
    allowed: nobody,
  },
  'GET /password/reset/:token': { perWork: false, request: () => ({ url: '/password/reset/rst_not-a-real-token' }), allowed: nobody },
  'POST /password/reset/:token': { perWork: false, request: () => ({ url: '/password/reset/rst_not-a-real-token', body: { password: PASSWORD_X, password_confirmation: PASSWORD_X } }), allowed: nobody },

  // Forms anyone may submit (a wrong password or a taken login is a 422, which counts as allowed).
  'POST /login': { perWork: false, request: (f) => ({ url: '/login', body: { login: f.logins.user, password: 'wrong password here' } }), allowed: everyone },
  'POST /logout': { perWork: false, ownSession: true, request: () => ({ url: '/logout', body: {} }), allowed: everyone },
  'POST /signup': { perWork: false, request: (f) => ({ url: '/signup', body: { login: f.logins.user, email: 'dup@example.org', password: PASSWORD_X, password_confirmation: PASSWORD_X } }), allowed: everyone },
  'POST /password/forgot': { perWork: false, request: () => ({ url: '/password/forgot', body: { email: `nobody${++unique}@example.org` } }), allowed: everyone },
  'POST /invitations/requests': { perWork: false, request: () => ({ url: '/invitations/requests', body: { email: `queue${++unique}@example.org` } }), allowed: everyone },

  // One's own account: any active user, on their own account only.
  'GET /account': { perWork: false, request: () => ({ url: '/account' }), allowed: activeUsers },
  'POST /account/email': { perWork: false, request: () => ({ url: '/account/email', body: { email: 'new@example.org', current_password: 'wrong password' } }), allowed: activeUsers },
  'POST /account/password': {
    perWork: false,
    request: () => ({ url: '/account/password', body: { current_password: 'wrong password', password: PASSWORD_X, password_confirmation: PASSWORD_X } }),
    allowed: activeUsers,
  },
  'POST /account/pseuds': { perWork: false, request: () => ({ url: '/account/pseuds', body: { name: `Matrix Pseud ${++unique}` } }), allowed: activeUsers },
  'POST /account/pseuds/:id/default': { perWork: false, request: async (f) => ({ url: `/account/pseuds/${await f.pseudIdOf(f.logins.owner)}/default`, body: {} }), allowed: (a) => a === 'owner' },
  'POST /account/pseuds/:id/delete': {
    // The owner's default pseud cannot be deleted (422, allowed); everyone else may not touch it.
    perWork: false,
    request: async (f) => ({ url: `/account/pseuds/${await f.pseudIdOf(f.logins.owner)}/delete`, body: {} }),
    allowed: (a) => a === 'owner',
  },
  'POST /account/tokens': { perWork: false, request: () => ({ url: '/account/tokens', body: { name: `matrix token ${++unique}` } }), allowed: activeUsers },
  'POST /account/tokens/:id/revoke': { perWork: false, request: () => ({ url: '/account/tokens/999999/revoke', body: {} }), allowed: nobody },
  'POST /account/delete': { perWork: false, request: () => ({ url: '/account/delete', body: { current_password: 'wrong password', works: 'orphan' } }), allowed: activeUsers },

  // Administration.
  'GET /admin': { perWork: false, request: () => ({ url: '/admin' }), allowed: admins },
  'POST /admin/signup-mode': { perWork: false, request: () => ({ url: '/admin/signup-mode', body: { mode: 'open' } }), allowed: admins },
  'POST /admin/invitations/send': { perWork: false, request: () => ({ url: '/admin/invitations/send', body: { count: '1' } }), allowed: admins },
  'POST /admin/invitations/invite': { perWork: false, request: () => ({ url: '/admin/invitations/invite', body: { email: `invitee${++unique}@example.org` } }), allowed: admins },
  'POST /admin/users/:login/suspend': { perWork: false, request: (f) => ({ url: `/admin/users/${f.target}/suspend`, body: { suspended: 'false' } }), allowed: admins },
  'POST /admin/users/:login/roles': { perWork: false, request: (f) => ({ url: `/admin/users/${f.target}/roles`, body: { role: 'moderator', granted: 'true' } }), allowed: admins },
  'POST /admin/works/hidden': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: '/admin/works/hidden', body: { work_id: String(w.id), hidden: 'true' } }), allowed: admins },

  // Tag wrangling: wranglers and admins (the matrix has no wrangler actor, so admins stand for
  // them; test/http/wrangling.test.ts checks wranglers). The actions aim at a fixed tag, which
  // answers "unchanged" or a 422, so they pass authorization without changing anything.
  'GET /tags/wrangle': { perWork: false, request: () => ({ url: '/tags/wrangle' }), allowed: admins },
  'GET /tags/wrangle/:fandom': { perWork: false, request: () => ({ url: '/tags/wrangle/Original%20Work?type=character' }), allowed: admins },
  'POST /tags/wrangle/mass': { perWork: false, request: () => ({ url: '/tags/wrangle/mass', body: { tags: 'General Audiences', action: 'canonical' } }), allowed: admins },
  'GET /tags/:tag/wrangle': { perWork: false, request: () => ({ url: '/tags/Original%20Work/wrangle' }), allowed: admins },
  'POST /tags/:tag/wrangle/canonical': { perWork: false, request: () => ({ url: '/tags/General%20Audiences/wrangle/canonical', body: { canonical: 'true' } }), allowed: admins },
  'POST /tags/:tag/wrangle/merge': { perWork: false, request: () => ({ url: '/tags/General%20Audiences/wrangle/merge', body: { into: 'Mature' } }), allowed: admins },
  'POST /tags/:tag/wrangle/unmerge': { perWork: false, request: () => ({ url: '/tags/General%20Audiences/wrangle/unmerge', body: {} }), allowed: admins },
  'POST /tags/:tag/wrangle/parents': { perWork: false, request: () => ({ url: '/tags/General%20Audiences/wrangle/parents', body: { parent: 'Original Work', op: 'add' } }), allowed: admins },
  'POST /tags/:tag/wrangle/meta': { perWork: false, request: () => ({ url: '/tags/General%20Audiences/wrangle/meta', body: { meta: 'Mature', op: 'add' } }), allowed: admins },
  'POST /tags/:tag/wrangle/unwrangleable': { perWork: false, request: () => ({ url: '/tags/General%20Audiences/wrangle/unwrangleable', body: { unwrangleable: 'true' } }), allowed: admins },
  'GET /admin/wrangling-log': { perWork: false, request: () => ({ url: '/admin/wrangling-log' }), allowed: admins },

  // Posting (issue 3): the work's creators edit it and its chapters; only the owner's pseud
  // created its series; an account's drafts and invitations are its own.
  'GET /works/new': { perWork: false, request: () => ({ url: '/works/new' }), allowed: activeUsers },
  'POST /works': { perWork: false, request: () => ({ url: '/works', body: { ...POSTING_FORM, title: `Matrix posted ${++unique}` } }), allowed: activeUsers },
  'GET /works/:id/edit': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/edit` }), allowed: editors },
  'POST /works/:id/edit': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/edit`, body: { ...POSTING_FORM, commit: 'preview' } }), allowed: editors },
  'GET /works/:id/preview': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/preview` }), allowed: editors },
  'POST /works/:id/post': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/post`, body: {} }), allowed: editors },
  'GET /works/:id/delete': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/delete` }), allowed: editors },
  'POST /works/:id/delete': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/delete`, body: {} }), allowed: editors },
  'GET /works/:id/orphan': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/orphan` }), allowed: editors },
  'POST /works/:id/orphan': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/orphan`, body: {} }), allowed: editors },
  'GET /works/:id/chapters/new': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/new` }), allowed: editors },
  'POST /works/:id/chapters': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters`, body: { title: 'Added', content: 'Added words.', commit: 'draft' } }), allowed: editors },
  'GET /works/:id/chapters/manage': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/manage` }), allowed: editors },
  'POST /works/:id/chapters/reorder': {
    perWork: true,
    mutates: true,
    request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/reorder`, body: { [`position_${w.chapterIds[0]}`]: '2', [`position_${w.chapterIds[1]}`]: '1' } }),
    allowed: editors,
  },
  'GET /works/:id/chapters/:chapterId/edit': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/${w.chapterIds[1]}/edit` }), allowed: editors },
  'POST /works/:id/chapters/:chapterId': {
    perWork: true,
    mutates: true,
    request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/${w.chapterIds[1]}`, body: { title: 'Edited', content: 'Edited words.', commit: 'draft' } }),
    allowed: editors,
  },
  'GET /works/:id/chapters/:chapterId/preview': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/${w.chapterIds[1]}/preview` }), allowed: editors },
  'POST /works/:id/chapters/:chapterId/post': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/${w.chapterIds[1]}/post`, body: {} }), allowed: editors },
  'POST /works/:id/chapters/:chapterId/delete': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/${w.chapterIds[1]}/delete`, body: {} }), allowed: editors },
  'GET /users/:login/drafts': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/drafts` }), allowed: (a) => a === 'owner' },
  'GET /users/:login/creatorships': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/creatorships` }), allowed: (a) => a === 'owner' },
  'POST /users/:login/creatorships': {
    // A fresh work invites the plain user's pseud; only that user may answer.
    perWork: true,
    mutates: true,
    request: async (f, _a, w) => {
      const pseudId = await f.pseudIdOf(f.logins.user);
      await insertCreatorships(f.t.store.db, w.id, [pseudId], false);
      return { url: `/users/${f.logins.user}/creatorships`, body: { work_id: String(w.id), pseud_id: String(pseudId), decision: 'decline' } };
    },
    allowed: (a) => a === 'user',
  },
  'GET /series/:id/edit': { perWork: true, request: (_f, _a, w) => ({ url: `/series/${w.seriesId}/edit` }), allowed: (a) => a === 'owner' },
  'POST /series/:id/edit': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/series/${w.seriesId}/edit`, body: { title: 'Renamed series' } }), allowed: (a) => a === 'owner' },
  'GET /api/v1/tags/autocomplete': page('/api/v1/tags/autocomplete?type=fandom&q=orig'),

  // The JSON API's write side: the same policy as the pages.
  'POST /api/v1/works': { perWork: false, request: () => ({ url: '/api/v1/works', json: { ...API_WORK, title: `Matrix API ${++unique}` } }), allowed: activeUsers },
  'PATCH /api/v1/works/:id': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}`, json: { title: 'Patched by matrix' } }), allowed: editors },
  'DELETE /api/v1/works/:id': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}` }), allowed: editors },
  'POST /api/v1/works/:id/chapters': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/chapters`, json: { content: '<p>More.</p>', draft: true } }), allowed: editors },
  'PATCH /api/v1/works/:id/chapters/:chapterId': {
    perWork: true,
    mutates: true,
    request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/chapters/${w.chapterIds[1]}`, json: { content: '<p>Changed.</p>' } }),
    allowed: editors,
  },
  'DELETE /api/v1/works/:id/chapters/:chapterId': { perWork: true, mutates: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/chapters/${w.chapterIds[1]}` }), allowed: editors },

  // Comments (issue 6). Whoever may read the work may try to comment: guests past the policy get
  // a 422 (no name given), drafts and admin-hidden works a 422 ("closed"); past the policy, the
  // spam limits' 429s count as allowed too. Each check comments on a fresh comment: by the plain
  // user for their own actions (edit; delete, which creators may also do), by the target account
  // for the creators' moderation. Blocks are the owner's own.
  'POST /works/:id/comments': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/comments`, body: { body: `Matrix comment ${++unique}` } }), allowed: readers },
  'POST /works/:id/chapters/:chapterId/comments': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/chapters/${w.chapterIds[1]}/comments`, body: { body: `Matrix comment ${++unique}` } }), allowed: readers },
  'GET /comments/:id': { perWork: true, request: async (f, _a, w) => ({ url: `/comments/${await commentOn(f, w, f.target)}` }), allowed: readers },
  'POST /comments/:id/replies': { perWork: true, request: async (f, _a, w) => ({ url: `/comments/${await commentOn(f, w, f.target)}/replies`, body: { body: `Matrix reply ${++unique}` } }), allowed: readers },
  'GET /comments/:id/edit': { perWork: true, request: async (f, _a, w) => ({ url: `/comments/${await commentOn(f, w, f.logins.user)}/edit` }), allowed: commenter },
  'POST /comments/:id/edit': { perWork: true, request: async (f, _a, w) => ({ url: `/comments/${await commentOn(f, w, f.logins.user)}/edit`, body: { body: `Edited ${++unique}` } }), allowed: commenter },
  'POST /comments/:id/delete': { perWork: true, request: async (f, _a, w) => ({ url: `/comments/${await commentOn(f, w, f.logins.user)}/delete`, body: {} }), allowed: (a, s) => commenter(a, s) || editors(a) },
  'POST /comments/:id/freeze': { perWork: true, request: async (f, _a, w) => ({ url: `/comments/${await commentOn(f, w, f.target)}/freeze`, body: { frozen: 'true' } }), allowed: editors },
  'POST /comments/:id/hide': { perWork: true, request: async (f, _a, w) => ({ url: `/comments/${await commentOn(f, w, f.target)}/hide`, body: { hidden: 'true' } }), allowed: editors },
  'POST /comments/:id/approve': { perWork: true, request: async (f, _a, w) => ({ url: `/comments/${await commentOn(f, w, f.target, 'held')}/approve`, body: {} }), allowed: editors },
  'GET /api/v1/works/:id/comments': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/comments` }), allowed: readers },
  'GET /api/v1/works/:id/chapters/:chapterId/comments': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/chapters/${w.chapterIds[1]}/comments` }), allowed: readers },
  'GET /api/v1/comments/:id': { perWork: true, request: async (f, _a, w) => ({ url: `/api/v1/comments/${await commentOn(f, w, f.target)}` }), allowed: readers },
  'POST /api/v1/works/:id/comments': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/comments`, json: { body: `Matrix API comment ${++unique}` } }), allowed: (a, s) => activeUsers(a) && readers(a, s) },
  'POST /api/v1/comments/:id/replies': { perWork: true, request: async (f, _a, w) => ({ url: `/api/v1/comments/${await commentOn(f, w, f.target)}/replies`, json: { body: `Matrix API reply ${++unique}` } }), allowed: (a, s) => activeUsers(a) && readers(a, s) },
  'PATCH /api/v1/comments/:id': { perWork: true, request: async (f, _a, w) => ({ url: `/api/v1/comments/${await commentOn(f, w, f.logins.user)}`, json: { body: `Edited ${++unique}` } }), allowed: commenter },
  'DELETE /api/v1/comments/:id': { perWork: true, request: async (f, _a, w) => ({ url: `/api/v1/comments/${await commentOn(f, w, f.logins.user)}` }), allowed: (a, s) => commenter(a, s) || editors(a) },
  'POST /api/v1/comments/:id/moderation': { perWork: true, request: async (f, _a, w) => ({ url: `/api/v1/comments/${await commentOn(f, w, f.target)}/moderation`, json: { action: 'freeze' } }), allowed: editors },
  'GET /users/:login/blocked': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/blocked` }), allowed: (a) => a === 'owner' },
  'POST /users/:login/blocked': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/blocked`, body: { login: f.target } }), allowed: (a) => a === 'owner' },
  'POST /users/:login/blocked/:id/delete': {
    perWork: false,
    request: async (f) => ({ url: `/users/${f.logins.owner}/blocked/${await blockTarget(f)}/delete`, body: {} }),
    allowed: (a) => a === 'owner',
  },
  'GET /api/v1/me/blocked-users': { perWork: false, request: () => ({ url: '/api/v1/me/blocked-users' }), allowed: activeUsers },
  'POST /api/v1/me/blocked-users': { perWork: false, request: (f) => ({ url: '/api/v1/me/blocked-users', json: { login: f.target } }), allowed: activeUsers },
  'DELETE /api/v1/me/blocked-users/:id': { perWork: false, request: () => ({ url: '/api/v1/me/blocked-users/999999' }), allowed: nobody },

  // Personal filters (issue 5) are private: only the owner of :login reaches their pages and
  // forms (admins are refused like everyone else); the API's /me routes act on the caller's
  // own lists. Unknown ids answer 422 on a page (past authorization) and 404 in the API.
  'GET /users/:login/muted': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/muted` }), allowed: (a) => a === 'owner' },
  'GET /users/:login/muted/users': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/muted/users` }), allowed: (a) => a === 'owner' },
  'POST /users/:login/muted/tags': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/muted/tags`, body: { tag: 'Original Work' } }), allowed: (a) => a === 'owner' },
  'POST /users/:login/muted/tags/:id/delete': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/muted/tags/999999/delete`, body: {} }), allowed: (a) => a === 'owner' },
  'POST /users/:login/muted/users': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/muted/users`, body: { login: f.target } }), allowed: (a) => a === 'owner' },
  'POST /users/:login/muted/users/:id/delete': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/muted/users/999999/delete`, body: {} }), allowed: (a) => a === 'owner' },
  'GET /users/:login/saved-searches': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/saved-searches` }), allowed: (a) => a === 'owner' },
  'POST /users/:login/saved-searches': {
    perWork: false,
    request: (f) => ({ url: `/users/${f.logins.owner}/saved-searches`, body: { name: `Matrix search ${++unique}`, query: 'sort=kudos' } }),
    allowed: (a) => a === 'owner',
  },
  'POST /users/:login/saved-searches/:id/delete': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/saved-searches/999999/delete`, body: {} }), allowed: (a) => a === 'owner' },
  'GET /api/v1/me/muted-tags': { perWork: false, request: () => ({ url: '/api/v1/me/muted-tags' }), allowed: activeUsers },
  'POST /api/v1/me/muted-tags': { perWork: false, request: () => ({ url: '/api/v1/me/muted-tags', json: { name: 'Original Work' } }), allowed: activeUsers },
  'DELETE /api/v1/me/muted-tags/:id': { perWork: false, request: () => ({ url: '/api/v1/me/muted-tags/999999' }), allowed: nobody },
  'GET /api/v1/me/muted-users': { perWork: false, request: () => ({ url: '/api/v1/me/muted-users' }), allowed: activeUsers },
  'POST /api/v1/me/muted-users': { perWork: false, request: (f) => ({ url: '/api/v1/me/muted-users', json: { login: f.target } }), allowed: activeUsers },
  'DELETE /api/v1/me/muted-users/:id': { perWork: false, request: () => ({ url: '/api/v1/me/muted-users/999999' }), allowed: nobody },
  'GET /api/v1/me/saved-searches': { perWork: false, request: () => ({ url: '/api/v1/me/saved-searches' }), allowed: activeUsers },
  'POST /api/v1/me/saved-searches': { perWork: false, request: () => ({ url: '/api/v1/me/saved-searches', json: { name: `Matrix API search ${++unique}`, query: 'sort=hits' } }), allowed: activeUsers },
  'DELETE /api/v1/me/saved-searches/:id': { perWork: false, request: () => ({ url: '/api/v1/me/saved-searches/999999' }), allowed: nobody },

  // Kudos and stats (issue 6). Kudos: whoever may read a posted, unhidden work, except its
  // creators; a second kudos is a polite redirect (the page) or a 422 (the API), both past
  // authorization. The API takes no guests' kudos. Stats: a work's creators; a creator's stats
  // page: its owner.
  'POST /works/:id/kudos': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/kudos`, body: {} }), allowed: (a, s) => readers(a, s) && !may.isCreator(a) && s !== 'hidden' },
  'POST /api/v1/works/:id/kudos': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/kudos` }), allowed: (a, s) => activeUsers(a) && readers(a, s) && !may.isCreator(a) && s !== 'hidden' },
  'GET /api/v1/works/:id/kudos': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/kudos` }), allowed: readers },
  'GET /works/:id/stats': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/stats?days=90` }), allowed: editors },
  'GET /api/v1/works/:id/stats': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/works/${w.id}/stats` }), allowed: editors },
  'GET /users/:login/stats': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/stats` }), allowed: (a) => a === 'owner' },

  // Bookmarks, subscriptions, the inbox and history (issue 6). A user's bookmarks page is public
  // (what it lists is the canary test's business); the inbox, subscriptions and history are their
  // owner's alone, admins included. Bookmarking, subscribing and marking for later need a posted
  // work the actor may read; deleting a bookmark, subscription or notification is the plain
  // user's own (another actor's id is "not found").
  'GET /users/:login/bookmarks': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/bookmarks` }), allowed: everyone },
  'POST /works/:id/bookmarks': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/bookmarks`, body: { notes: 'Matrix bookmark', tags: 'Matrix' } }), allowed: trackers },
  'POST /bookmarks/:id/delete': { perWork: false, request: async (f) => ({ url: `/bookmarks/${await testBookmark(f.t.store.db, f.logins.user, f.works.posted.id)}/delete`, body: {} }), allowed: plainUser },
  'GET /users/:login/subscriptions': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/subscriptions` }), allowed: (a) => a === 'owner' },
  'POST /subscriptions': { perWork: true, request: (_f, _a, w) => ({ url: '/subscriptions', body: { kind: 'work', id: String(w.id) } }), allowed: trackers },
  'POST /subscriptions/:id/delete': { perWork: false, request: async (f) => ({ url: `/subscriptions/${await testSubscription(f.t.store.db, f.logins.user, f.works.posted.id)}/delete`, body: {} }), allowed: plainUser },
  'GET /users/:login/inbox': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/inbox` }), allowed: (a) => a === 'owner' },
  'POST /users/:login/inbox/read': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/inbox/read`, body: { all: 'true' } }), allowed: (a) => a === 'owner' },
  'POST /users/:login/inbox/:id/delete': {
    perWork: false,
    request: async (f) => ({ url: `/users/${f.logins.owner}/inbox/${await testNotification(f.t.store.db, f.logins.owner, f.works.posted.id)}/delete`, body: {} }),
    allowed: (a) => a === 'owner',
  },
  'GET /users/:login/readings': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/readings` }), allowed: (a) => a === 'owner' },
  'POST /users/:login/readings/clear': { perWork: false, request: (f) => ({ url: `/users/${f.logins.owner}/readings/clear`, body: {} }), allowed: (a) => a === 'owner' },
  'POST /users/:login/readings/:id/delete': {
    perWork: false,
    request: async (f) => {
      await testReading(f.t.store.db, f.logins.owner, f.works.posted.id);
      return { url: `/users/${f.logins.owner}/readings/${f.works.posted.id}/delete`, body: {} };
    },
    allowed: (a) => a === 'owner',
  },
  'POST /works/:id/mark-for-later': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/mark-for-later`, body: {} }), allowed: trackers },
  // Taking a mark off reads nothing about the work, so any active user may, on any work id.
  'POST /works/:id/mark-as-read': { perWork: true, request: (_f, _a, w) => ({ url: `/works/${w.id}/mark-as-read`, body: {} }), allowed: activeUsers },
  'POST /account/preferences': { perWork: false, request: () => ({ url: '/account/preferences', body: { notification_email: 'digest', history: 'true' } }), allowed: activeUsers },
  'GET /api/v1/users/:login/bookmarks': { perWork: false, request: (f) => ({ url: `/api/v1/users/${f.logins.owner}/bookmarks` }), allowed: everyone },
  'POST /api/v1/bookmarks': { perWork: true, request: (_f, _a, w) => ({ url: '/api/v1/bookmarks', json: { workId: w.id, notes: 'Matrix API bookmark' } }), allowed: trackers },
  'PATCH /api/v1/bookmarks/:id': { perWork: false, request: async (f) => ({ url: `/api/v1/bookmarks/${await testBookmark(f.t.store.db, f.logins.user, f.works.posted.id)}`, json: { rec: true } }), allowed: plainUser },
  'DELETE /api/v1/bookmarks/:id': { perWork: false, request: async (f) => ({ url: `/api/v1/bookmarks/${await testBookmark(f.t.store.db, f.logins.user, f.works.posted.id)}` }), allowed: plainUser },
  'GET /api/v1/me/subscriptions': { perWork: false, request: () => ({ url: '/api/v1/me/subscriptions' }), allowed: activeUsers },
  'POST /api/v1/me/subscriptions': { perWork: true, request: (_f, _a, w) => ({ url: '/api/v1/me/subscriptions', json: { kind: 'work', id: w.id } }), allowed: trackers },
  'DELETE /api/v1/me/subscriptions/:id': { perWork: false, request: async (f) => ({ url: `/api/v1/me/subscriptions/${await testSubscription(f.t.store.db, f.logins.user, f.works.posted.id)}` }), allowed: plainUser },
  'GET /api/v1/me/inbox': { perWork: false, request: () => ({ url: '/api/v1/me/inbox' }), allowed: activeUsers },
  'POST /api/v1/me/inbox/read': { perWork: false, request: () => ({ url: '/api/v1/me/inbox/read', json: { all: true } }), allowed: activeUsers },
  'DELETE /api/v1/me/inbox/:id': { perWork: false, request: async (f) => ({ url: `/api/v1/me/inbox/${await testNotification(f.t.store.db, f.logins.user, f.works.posted.id)}` }), allowed: plainUser },
  'GET /api/v1/me/history': { perWork: false, request: () => ({ url: '/api/v1/me/history' }), allowed: activeUsers },
  'DELETE /api/v1/me/history': { perWork: false, request: () => ({ url: '/api/v1/me/history' }), allowed: activeUsers },
  'DELETE /api/v1/me/history/:workId': {
    perWork: false,
    request: async (f) => {
      await testReading(f.t.store.db, f.logins.user, f.works.posted.id);
      return { url: `/api/v1/me/history/${f.works.posted.id}` };
    },
    allowed: plainUser,
  },
  'POST /api/v1/me/marked-for-later': { perWork: true, request: (_f, _a, w) => ({ url: '/api/v1/me/marked-for-later', json: { workId: w.id } }), allowed: trackers },
  'DELETE /api/v1/me/marked-for-later/:workId': { perWork: true, request: (_f, _a, w) => ({ url: `/api/v1/me/marked-for-later/${w.id}` }), allowed: activeUsers },
};

const API_WORK = {
  rating: 'General Audiences',
  warnings: ['No Archive Warnings Apply'],
  fandoms: ['Original Work'],
  chapters: [{ content: '<p>Words from the matrix.</p>' }],
};

const PASSWORD_X = 'another matrix passphrase';

/** A valid "Post New Work" form. */
const POSTING_FORM: Record<string, string> = {
  title: 'Matrix form work',
  rating: 'General Audiences',
  warnings: 'No Archive Warnings Apply',
  fandoms: 'Original Work',
  content: 'Words for the matrix.',
  commit: 'post',
};

async function freshClient(f: Fixture, actor: ActorName): Promise<WebClient> {
  const client = new WebClient(f.t.app);
  if (actor !== 'guest' && actor !== 'suspended') await client.logIn(f.logins[actor], PASSWORD);
  return client;
}

function verdict(res: WebResponse): 'allowed' | 'denied' | 'error' {
  if (res.status >= 500) return 'error';
  if ([401, 403, 404].includes(res.status)) return 'denied';
  if (res.status >= 300 && res.status < 400) return res.location?.startsWith('/login') ? 'denied' : 'allowed';
  // 422 (invalid input) and 429 (rate limited) mean the request got past authorization.
  if ([200, 201, 204, 422, 429].includes(res.status)) return 'allowed';
  return 'error';
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] authorization matrix`, { skip: await skipUnless(dialect) }, () => {
    let f: Fixture;
    before(async () => {
      f = await buildFixture(dialect);
    });
    after(async () => f?.t.close());

    it('has an entry for every route the app serves', () => {
      const missing = f.t.app.routeTable.map((r) => `${r.method} ${r.url}`).filter((key) => !(key in MATRIX));
      assert.deepEqual(missing, [], 'routes missing from the authorization matrix');
    });

    it('allows and denies each route as the policy promises, for every actor and work state', async () => {
      const failures: string[] = [];
      let checks = 0;
      for (const route of f.t.app.routeTable) {
        const key = `${route.method} ${route.url}`;
        const spec = MATRIX[key];
        if (!spec) continue;
        const states: readonly WorkState[] = spec.perWork ? WORK_STATES : ['posted'];
        for (const state of states) {
          for (const actor of ACTORS) {
            const work = spec.mutates ? await f.freshWork(state) : f.works[state];
            const req = await spec.request(f, actor, work);
            const client = spec.ownSession ? await freshClient(f, actor) : f.clients[actor];
            // Load a page with a form first, as a browser would, so the client holds a CSRF token.
            if (route.method !== 'GET') await client.get('/password/forgot');
            const res =
              route.method === 'GET'
                ? await client.get(req.url)
                : route.url.startsWith('/api/')
                  ? await client.json(route.method as 'POST' | 'PATCH' | 'DELETE', req.url, req.json)
                  : await client.post(req.url, req.body ?? {});
            checks++;
            const expected = spec.allowed(actor, state) ? 'allowed' : 'denied';
            const got = verdict(res);
            if (got !== expected) failures.push(`${key} as ${actor} on a ${state} work: expected ${expected}, got ${res.status}${res.location ? ` → ${res.location}` : ''}`);
          }
        }
      }
      assert.ok(checks > 200, `ran ${checks} checks`);
      assert.deepEqual(failures, []);
    });
  });
}
