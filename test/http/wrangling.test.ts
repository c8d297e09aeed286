// The tag wranglers' pages over HTTP on both databases: the queues, mass actions, one tag's
// wrangling forms, refusals that change nothing, who may use them, and the admin's log.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipUnless } from '../support/stores.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { WebClient, type WebResponse } from '../support/web-client.ts';
import { makeWork } from '../support/factories.ts';
import { createUser } from '../../src/services/create-user.ts';
import { findTagByName, tagRelations } from '../../src/db/repos/tags.repo.ts';
import { countAudit } from '../../src/db/repos/wrangling.repo.ts';
import { tagToParam } from '../../src/domain/tag-name.ts';

const PASSWORD = 'wrangling passphrase words';
const FANDOM = 'Lighthouse Keepers (Original)';
/** A name with AO3's escaped characters and HTML's special ones. */
const ODD = 'Salt & "Sky" <3 v1.0?';
const wrangleUrl = (name: string) => `/tags/${tagToParam(name)}/wrangle`;
const queueUrl = (type: string) => `/tags/wrangle/${tagToParam(FANDOM)}?type=${type}`;

/** The text of the page's error summary, or '' when there is none. */
function errorSummary(body: string): string {
  const match = /<div class="error-summary"[\s\S]*?<\/div>/.exec(body);
  return match ? match[0].replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ') : '';
}

function notice(body: string): string {
  return /<div class="notice" role="status">([^<]*)<\/div>/.exec(body)?.[1] ?? '';
}

function unescape(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Checkbox values of the mass form's table, in order, with their checked state. */
function queueTags(body: string): Array<{ name: string; checked: boolean }> {
  return [...body.matchAll(/<input id="[a-z]+_tag_\d+" name="tags" type="checkbox" value="([^"]*)"( checked)?/g)].map((m) => ({
    name: unescape(m[1]!),
    checked: Boolean(m[2]),
  }));
}

for (const dialect of DIALECTS) {
  describe(`[${dialect}] tag wrangling pages`, { skip: await skipUnless(dialect) }, () => {
    let t: TestApp;
    let wrangler: WebClient;
    let reader: WebClient;
    let admin: WebClient;
    let guest: WebClient;

    const tag = (name: string) => findTagByName(t.store.db, name);
    const worksUnder = async (name: string) => (await guest.get(`/tags/${tagToParam(name)}/works`)).body;
    /** Posts a form as `client`, after loading a page so it holds a CSRF token. */
    const post = async (client: WebClient, url: string, fields: Record<string, string | string[]>) => {
      if (!client.csrf) await client.get('/login');
      return client.post(url, fields);
    };

    before(async () => {
      t = await createTestApp(dialect);
      await createUser(t.ctx, { login: 'wr_wrangler', email: 'wr_wrangler@example.org', password: PASSWORD, role: 'wrangler' });
      await createUser(t.ctx, { login: 'wr_admin', email: 'wr_admin@example.org', password: PASSWORD, role: 'admin' });
      await createUser(t.ctx, { login: 'wr_reader', email: 'wr_reader@example.org', password: PASSWORD });
      await makeWork(t.ctx, {
        title: 'Keeper of the Lamp',
        fandoms: [FANDOM],
        characters: ['Mira Okonkwo', 'Mira', 'Jonah Vale'],
        relationships: ['Mira Okonkwo/Jonah Vale'],
        freeforms: ['Stormy Weather', 'Weather'],
      });
      await makeWork(t.ctx, { title: 'The Second Storm', fandoms: [FANDOM], characters: ['Mira'], freeforms: ['Storms'] });
      await makeWork(t.ctx, { title: 'Odd Names', fandoms: [FANDOM], freeforms: [ODD] });
      wrangler = new WebClient(t.app);
      admin = new WebClient(t.app);
      reader = new WebClient(t.app);
      guest = new WebClient(t.app);
      for (const [client, login] of [[wrangler, 'wr_wrangler'], [admin, 'wr_admin'], [reader, 'wr_reader']] as const) {
        assert.equal((await client.logIn(login, PASSWORD)).status, 303);
      }
      await guest.get('/login');
    });
    after(async () => t?.close());

    it('lists the unwrangled fandom on the home and makes it canonical from there', async () => {
      const home = await wrangler.get('/tags/wrangle');
      assert.equal(home.status, 200);
      assert.match(home.body, /<h1>Tag Wrangling<\/h1>/);
      assert.ok(queueTags(home.body).some((q) => q.name === FANDOM), 'the new fandom is listed as unwrangled');
      assert.doesNotMatch(home.body, new RegExp(`href="${queueUrl('character').replace(/[()?]/g, '\\$&')}"`), 'no queue before it is canonical');

      const res = await post(wrangler, '/tags/wrangle/mass', { tags: [FANDOM], action: 'canonical', return_to: '/tags/wrangle' });
      assert.equal(res.status, 303, res.body.slice(0, 500));
      assert.equal(res.location, '/tags/wrangle?done=mass');
      const after = await wrangler.follow(res);
      assert.equal(notice(after.body), 'The selected tags were wrangled.');
      assert.equal((await tag(FANDOM))?.canonical, true);
      assert.ok(after.body.includes(`href="${queueUrl('character')}"`), 'the fandom now has a queue');
    });

    it('finds a tag by name from the home and refuses an unknown one', async () => {
      const found = await wrangler.get('/tags/wrangle?tag=jonah%20vale');
      assert.equal(found.status, 303);
      assert.equal(found.location, wrangleUrl('Jonah Vale'));
      const missing = await wrangler.get('/tags/wrangle?tag=Nobody%20Here');
      assert.equal(missing.status, 404);
      assert.match(errorSummary(missing.body), /There is no tag "Nobody Here"/);
      assert.match(missing.body, /value="Nobody Here"/);
    });

    it('lists the fandom’s unwrangled tags by type, with their uses and wrangle links', async () => {
      const characters = await wrangler.get(queueUrl('character'));
      assert.equal(characters.status, 200);
      assert.deepEqual(queueTags(characters.body).map((q) => q.name), ['Mira', 'Jonah Vale', 'Mira Okonkwo']);
      assert.match(characters.body, /<td class="numeric">2<\/td>/, 'Mira is used on two works');
      assert.match(characters.body, /<a href="[^"]*type=character" aria-current="page">Characters<\/a>/);
      assert.ok(characters.body.includes(`href="${wrangleUrl('Mira')}"`));
      // The parent field is prefilled with the queue's fandom.
      assert.match(characters.body, /id="queue_parent_target" name="parent_target" type="text"[^>]* value="Lighthouse Keepers \(Original\)"/);

      const relationships = await wrangler.get(queueUrl('relationship'));
      assert.deepEqual(queueTags(relationships.body).map((q) => q.name), ['Mira Okonkwo/Jonah Vale']);
      // AO3's escapes in the link: "/" becomes *s*.
      assert.ok(relationships.body.includes('href="/tags/Mira%20Okonkwo*s*Jonah%20Vale/wrangle"'));
      const freeforms = await wrangler.get(queueUrl('freeform'));
      assert.deepEqual(queueTags(freeforms.body).map((q) => q.name).sort(), [ODD, 'Storms', 'Stormy Weather', 'Weather']);
      // Names are escaped in the page and in AO3's way in paths.
      assert.ok(freeforms.body.includes('value="Salt &amp; &quot;Sky&quot; &lt;3 v1.0?"'));
      assert.ok(freeforms.body.includes('href="/tags/Salt%20*a*%20%22Sky%22%20%3C3%20v1*d*0*q*/wrangle"'));
      const odd = await wrangler.get(wrangleUrl(ODD));
      assert.equal(odd.status, 200);
      assert.match(odd.body, /<h1>Salt &amp; &quot;Sky&quot; &lt;3 v1\.0\?<\/h1>/);
      assert.doesNotMatch(odd.body, /<3 v1/);
    });

    it('makes two ticked tags canonical in one mass action', async () => {
      const res = await post(wrangler, '/tags/wrangle/mass', { tags: ['Mira Okonkwo', 'Jonah Vale'], action: 'canonical', return_to: queueUrl('character') });
      assert.equal(res.status, 303, res.body.slice(0, 500));
      assert.equal(res.location, `${queueUrl('character')}&done=mass`);
      const queue = await wrangler.follow(res);
      assert.equal(notice(queue.body), 'The selected tags were wrangled.');
      assert.deepEqual(queueTags(queue.body).map((q) => q.name), ['Mira']);
      assert.equal((await tag('Mira Okonkwo'))?.canonical, true);
      assert.equal((await tag('Jonah Vale'))?.canonical, true);
    });

    it('re-renders the queue with the problem and the choices kept when a mass action is refused, changing nothing', async () => {
      const audit = await countAudit(t.store.db);
      const missing = await post(wrangler, '/tags/wrangle/mass', { tags: ['Mira'], action: 'merge', merge_target: 'Nobody At All', return_to: queueUrl('character') });
      assert.equal(missing.status, 422);
      assert.match(errorSummary(missing.body), /Mira: There is no canonical tag "Nobody At All"/);
      assert.deepEqual(queueTags(missing.body), [{ name: 'Mira', checked: true }]);
      assert.match(missing.body, /id="queue_action_merge" name="action" type="radio" value="merge" checked/);
      assert.match(missing.body, /value="Nobody At All"/);

      const wrongType = await post(wrangler, '/tags/wrangle/mass', { tags: ['Mira'], action: 'merge', merge_target: 'Stormy Weather', return_to: queueUrl('character') });
      assert.equal(wrongType.status, 422);
      assert.match(errorSummary(wrongType.body), /can only be a synonym of another Character tag/);

      const nothing = await post(wrangler, '/tags/wrangle/mass', { action: 'canonical', return_to: queueUrl('character') });
      assert.equal(nothing.status, 422);
      assert.match(errorSummary(nothing.body), /Choose at least one tag/);
      const noAction = await post(wrangler, '/tags/wrangle/mass', { tags: ['Mira'], return_to: queueUrl('character') });
      assert.equal(noAction.status, 422);
      assert.match(errorSummary(noAction.body), /Choose what to do/);

      // All or nothing: one refusal leaves the other ticked tags as they were.
      const mixed = await post(wrangler, '/tags/wrangle/mass', { tags: ['Weather', 'Storms'], action: 'parent', parent_target: 'Jonah Vale', return_to: queueUrl('freeform') });
      assert.equal(mixed.status, 422);
      assert.match(errorSummary(mixed.body), /cannot be a parent/);
      assert.equal((await tagRelations(t.store.db, (await tag('Weather'))!)).parents.length, 0);

      assert.equal((await tag('Mira'))?.mergerId, null);
      assert.equal(await countAudit(t.store.db), audit, 'nothing was logged');
    });

    it('merges a synonym from its tag page, after which the canonical tag lists its works', async () => {
      // The target must be canonical first: refused, and nothing changes.
      const early = await post(wrangler, `${wrangleUrl('Storms')}/merge`, { into: 'Stormy Weather' });
      assert.equal(early.status, 422);
      assert.match(errorSummary(early.body), /Additional Tag "Stormy Weather" is not canonical/);
      assert.match(early.body, /id="wrangle_merge" name="into" type="text"[^>]* value="Stormy Weather"[^>]* aria-invalid="true"/);
      assert.equal((await tag('Storms'))?.mergerId, null);

      const canonical = await post(wrangler, `${wrangleUrl('Stormy Weather')}/canonical`, { canonical: 'true' });
      assert.equal(canonical.status, 303);
      assert.equal(canonical.location, `${wrangleUrl('Stormy Weather')}?done=canonical`);
      assert.doesNotMatch(await worksUnder('Stormy Weather'), /The Second Storm/);

      const merged = await post(wrangler, `${wrangleUrl('Storms')}/merge`, { into: 'stormy weather' });
      assert.equal(merged.status, 303, merged.body.slice(0, 500));
      assert.equal(merged.location, `${wrangleUrl('Storms')}?done=merged&n=1`);
      const page = await wrangler.follow(merged);
      assert.equal(notice(page.body), 'The tag is now a synonym of its canonical tag. 1 work refiltered.');
      assert.match(page.body, /<dt>Synonym of:<\/dt><dd><a href="\/tags\/Stormy%20Weather\/wrangle">Stormy Weather<\/a><\/dd>/);
      assert.match(page.body, /<button type="submit">Unmerge<span class="visually-hidden"> Storms from Stormy Weather<\/span><\/button>/);
      assert.match(await worksUnder('Stormy Weather'), /The Second Storm/);

      const canonicalPage = await wrangler.get(wrangleUrl('Stormy Weather'));
      assert.match(canonicalPage.body, /<h3 id="wrangle-synonyms">Synonyms of this tag<\/h3>\n<ul class="wrangle-relations"><li><a href="\/tags\/Storms\/wrangle">Storms<\/a>/);
    });

    it('adds a meta tag, whose works page then lists the sub tag’s works, and refuses a loop', async () => {
      assert.equal((await post(wrangler, `${wrangleUrl('Weather')}/canonical`, { canonical: 'true' })).status, 303);
      const meta = await post(wrangler, `${wrangleUrl('Stormy Weather')}/meta`, { meta: 'Weather', op: 'add' });
      assert.equal(meta.status, 303, meta.body.slice(0, 500));
      assert.match(meta.location ?? '', /\?done=meta-added&n=2$/);
      const weatherWorks = await worksUnder('Weather');
      assert.match(weatherWorks, /The Second Storm/);
      assert.match(weatherWorks, /Keeper of the Lamp/);

      const audit = await countAudit(t.store.db);
      const loop = await post(wrangler, `${wrangleUrl('Weather')}/meta`, { meta: 'Stormy Weather', op: 'add' });
      assert.equal(loop.status, 422);
      assert.match(errorSummary(loop.body), /that would make a loop/);
      assert.match(loop.body, /<a href="#wrangle_meta">/);
      assert.equal((await tagRelations(t.store.db, (await tag('Weather'))!)).metaTags.length, 0);
      assert.equal(await countAudit(t.store.db), audit);

      const empty = await post(wrangler, `${wrangleUrl('Weather')}/meta`, { meta: '  ', op: 'add' });
      assert.equal(empty.status, 422);
      assert.match(errorSummary(empty.body), /Enter the meta tag to add/);
    });

    it('adds and removes a parent, refusing a parent of the wrong type', async () => {
      const url = wrangleUrl('Mira Okonkwo');
      const wrong = await post(wrangler, `${url}/parents`, { parent: 'Stormy Weather', op: 'add' });
      assert.equal(wrong.status, 422);
      assert.match(errorSummary(wrong.body), /An? Additional Tag tag cannot be a parent of a Character tag/);
      assert.match(wrong.body, /<p class="hint" id="wrangle_parent_hint">A canonical Fandom tag\.<\/p>/);

      const added = await post(wrangler, `${url}/parents`, { parent: FANDOM, op: 'add' });
      assert.equal(added.status, 303);
      assert.equal(added.location, `${url}?done=parent-added`);
      const page = await wrangler.follow(added);
      assert.match(page.body, /<h3 id="wrangle-parents">Parent tags<\/h3>\n<ul class="wrangle-relations"><li><a href="[^"]+">Lighthouse Keepers \(Original\)<\/a> <span class="tag-type">\(Fandom\)<\/span>/);
      // The fandom's page lists the character as a child, removable from there.
      const fandomPage = await wrangler.get(wrangleUrl(FANDOM));
      assert.match(fandomPage.body, /Mira Okonkwo<\/a> <span class="tag-type">\(Character\)<\/span> <form class="inline-form" method="post" action="\/tags\/Mira%20Okonkwo\/wrangle\/parents">/);

      const removed = await post(wrangler, `${url}/parents`, { parent: FANDOM, op: 'remove', return_to: wrangleUrl(FANDOM) });
      assert.equal(removed.status, 303);
      assert.equal(removed.location, `${wrangleUrl(FANDOM)}?done=parent-removed`);
      assert.equal((await tagRelations(t.store.db, (await tag('Mira Okonkwo'))!)).parents.filter((p) => p.type === 'fandom').length, 0);
    });

    it('refuses merging into a missing tag, a tag of another type or a synonym, changing nothing', async () => {
      const audit = await countAudit(t.store.db);
      for (const [into, message] of [
        ['Nobody At All', /There is no canonical tag "Nobody At All"/],
        ['Stormy Weather', /can only be a synonym of another Character tag/],
        ['Mira', /A tag cannot be a synonym of itself/],
      ] as const) {
        const res = await post(wrangler, `${wrangleUrl('Mira')}/merge`, { into });
        assert.equal(res.status, 422, into);
        assert.match(errorSummary(res.body), message);
      }
      const synonymTarget = await post(wrangler, `${wrangleUrl('Weather')}/merge`, { into: 'Storms' });
      assert.equal(synonymTarget.status, 422);
      assert.match(errorSummary(synonymTarget.body), /"Storms" is not canonical/);
      assert.equal((await tag('Mira'))?.mergerId, null);
      assert.equal((await tag('Weather'))?.mergerId, null);
      assert.equal(await countAudit(t.store.db), audit);
      // A missing tag in the path is still a missing page.
      assert.equal((await post(wrangler, `${wrangleUrl('Nobody Here')}/merge`, { into: 'Weather' })).status, 404);
      assert.equal((await wrangler.get(wrangleUrl('Nobody Here'))).status, 404);
    });

    it('unmerges a synonym: its works leave the canonical tag', async () => {
      const res = await post(wrangler, `${wrangleUrl('Storms')}/unmerge`, {});
      assert.equal(res.status, 303);
      assert.equal(res.location, `${wrangleUrl('Storms')}?done=unmerged&n=1`);
      assert.equal((await tag('Storms'))?.mergerId, null);
      assert.doesNotMatch(await worksUnder('Stormy Weather'), /The Second Storm/);
      const again = await post(wrangler, `${wrangleUrl('Storms')}/unmerge`, {});
      assert.equal(again.location, `${wrangleUrl('Storms')}?done=unchanged`);
    });

    it('marks a tag unwrangleable, taking it off the queue', async () => {
      const res = await post(wrangler, `${wrangleUrl('Mira')}/unwrangleable`, { unwrangleable: 'true' });
      assert.equal(res.status, 303);
      assert.equal(res.location, `${wrangleUrl('Mira')}?done=unwrangleable`);
      assert.deepEqual(queueTags((await wrangler.get(queueUrl('character'))).body), []);
    });

    it('shows the unwrangleable flag on the tag page', async () => {
      const page = await wrangler.get(wrangleUrl('Mira'));
      assert.match(page.body, /id="wrangle_unwrangleable" name="unwrangleable" type="checkbox" value="true" checked/);
      assert.match(page.body, /<dt>Unwrangleable:<\/dt><dd>Yes<\/dd>/);
    });

    it('shows the fixed tags’ pages without forms', async () => {
      const page = await admin.get(wrangleUrl('General Audiences'));
      assert.equal(page.status, 200);
      assert.match(page.body, /Rating tags are fixed: they cannot be wrangled/);
      assert.doesNotMatch(page.body, /wrangle\/canonical/);
    });

    it('offers "Wrangle this tag" on the tag page only to those who may wrangle', async () => {
      const link = `<a href="${wrangleUrl('Mira Okonkwo/Jonah Vale')}">Wrangle this tag</a>`;
      for (const [client, shown] of [[wrangler, true], [admin, true], [reader, false], [guest, false]] as const) {
        const page = await client.get(`/tags/${tagToParam('Mira Okonkwo/Jonah Vale')}`);
        assert.equal(page.status, 200);
        assert.equal(page.body.includes(link), shown);
      }
      const wranglePage = await wrangler.get(wrangleUrl('Mira Okonkwo/Jonah Vale'));
      assert.equal(wranglePage.status, 200);
      assert.match(wranglePage.body, /<h1>Mira Okonkwo\/Jonah Vale<\/h1>/);
      assert.match(wranglePage.body, /A canonical Fandom or Character tag\./);
    });

    it('keeps every wrangling page and form from readers (403) and guests (log in, or 401)', async () => {
      const gets = ['/tags/wrangle', '/tags/wrangle?tag=Weather', queueUrl('freeform'), wrangleUrl('Weather'), wrangleUrl('Nobody Here'), '/admin/wrangling-log'];
      const posts: Array<[string, Record<string, string | string[]>]> = [
        ['/tags/wrangle/mass', { tags: ['Weather'], action: 'unwrangleable' }],
        ['/tags/wrangle/mass', {}],
        [`${wrangleUrl('Weather')}/canonical`, {}],
        [`${wrangleUrl('Weather')}/merge`, { into: 'Stormy Weather' }],
        [`${wrangleUrl('Weather')}/merge`, { into: '' }],
        [`${wrangleUrl('Weather')}/unmerge`, {}],
        [`${wrangleUrl('Weather')}/parents`, { parent: FANDOM, op: 'add' }],
        [`${wrangleUrl('Weather')}/meta`, { meta: 'Stormy Weather', op: 'remove' }],
        [`${wrangleUrl('Weather')}/unwrangleable`, { unwrangleable: 'true' }],
      ];
      const audit = await countAudit(t.store.db);
      for (const url of gets) {
        const denied = await reader.get(url);
        assert.equal(denied.status, 403, `reader GET ${url}`);
        const asGuest = await guest.get(url);
        assert.equal(asGuest.status, 303, `guest GET ${url}`);
        assert.equal(asGuest.location, `/login?return_to=${encodeURIComponent(url)}`);
      }
      for (const [url, fields] of posts) {
        const denied: WebResponse = await post(reader, url, fields);
        assert.equal(denied.status, 403, `reader POST ${url}`);
        const asGuest = await post(guest, url, fields);
        assert.equal(asGuest.status, 401, `guest POST ${url}`);
      }
      assert.equal(await countAudit(t.store.db), audit, 'nothing changed');
      assert.equal((await tag('Weather'))?.canonical, true);
    });

    it('shows admins the wrangling log, and no one else', async () => {
      const log = await admin.get('/admin/wrangling-log');
      assert.equal(log.status, 200);
      assert.match(log.body, /<h1>Wrangling log<\/h1>/);
      const rows = log.body.split('<tr>').slice(2);
      assert.ok(rows.length >= 10, `${rows.length} entries`);
      // Newest first: the last action was marking Mira unwrangleable.
      assert.match(rows[0]!, /<time datetime="2026-11-21T12:00:00.000Z">21 Nov 2026 12:00 UTC<\/time>[\s\S]*wr_wrangler[\s\S]*Unwrangleable[\s\S]*>Mira<\/a>[\s\S]*Unwrangleable:<\/span> no <span aria-hidden="true">→<\/span><span class="visually-hidden"> changed to <\/span> yes/);
      assert.ok(rows.some((r) => /Merge<\/td>[\s\S]*>Storms<\/a>[\s\S]*Synonym of:<\/span> none [\s\S]* Stormy Weather/.test(r)), 'the merge, with the canonical tag after');
      assert.ok(rows.some((r) => /Meta tag<\/td>[\s\S]*>Stormy Weather<\/a>[\s\S]*Meta tags:<\/span> none [\s\S]* Weather/.test(r)));
      assert.ok(rows.some((r) => /Parent<\/td>[\s\S]*>Mira Okonkwo<\/a>[\s\S]*Parents:<\/span> [^<]*Lighthouse Keepers \(Original\)/.test(r)));
      assert.equal((await wrangler.get('/admin/wrangling-log')).status, 403);
      assert.equal((await reader.get('/admin/wrangling-log')).status, 403);
      assert.equal((await guest.get('/admin/wrangling-log?page=2')).status, 303);
      // Admins may wrangle too.
      assert.equal((await admin.get(queueUrl('character'))).status, 200);
    });
  });
}
