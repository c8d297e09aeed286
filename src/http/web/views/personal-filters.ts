// A reader's own personal filters: /users/:login/muted (muted tags and muted creators, each with
// an unmute button and a form to add more) and /users/:login/saved-searches. Forms follow
// components/form.ts; errors are keyed "form.field" with field ids "form_field", as on /account,
// so one error summary links to the field of whichever form failed.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { mutedUrl, savedSearchesUrl, type MutedTagView, type MutedUserView, type SavedSearchView } from '../../present/personal-filters.ts';
import { MAX_MUTED_TAGS, MAX_MUTED_USERS, MAX_SAVED_SEARCH_NAME, MAX_SAVED_SEARCH_QUERY, MAX_SAVED_SEARCHES } from '../../../domain/mutes.ts';
import { MAX_TAG_LENGTH } from '../../../domain/tag-name.ts';
import { layout } from './layout.ts';
import { timeTag } from './components/date.ts';
import { buttonForm, csrfField, errorSummary, submitButton, textField } from './components/form.ts';

type Errors = Record<string, string>;

/** The fields each form's errors may name; any other key of that form is a form-level message. */
const FIELDS: Record<string, readonly string[]> = { tags: ['tag'], users: ['login'], save: ['name', 'query'] };
const HEADINGS: Record<string, string> = { tags: 'muted-tags', users: 'muted-users', save: 'save-search' };

export function filterFieldId(key: string): string | null {
  const [form = '', field = ''] = key.split('.', 2);
  if (!FIELDS[form]) return null;
  return FIELDS[form].includes(field) ? `${form}_${field}` : (HEADINGS[form] ?? null);
}

function formError(errors: Errors, form: string): SafeHtml {
  const message = errors[`${form}._`];
  return message ? html`<p class="error-message"><span class="visually-hidden">Error: </span>${message}</p>` : html``;
}

const count = (n: number) => n.toLocaleString('en-US');

export interface MutedPage {
  login: string;
  /** Where this page's forms post (the page's own path). */
  action: string;
  tags: MutedTagView[];
  users: MutedUserView[];
  errors: Errors;
  values: Record<string, string>;
}

function mutedTagsSection(chrome: PageChrome, page: MutedPage): SafeHtml {
  const items = page.tags.map(
    (t) => html`<li><a href="${t.url}" class="tag">${t.name}</a> <span class="tag-type">(${t.typeLabel})</span>
${buttonForm({ action: `${page.action}/tags/${t.id}/delete`, csrfToken: chrome.csrfToken, label: 'Unmute', context: `the tag ${t.name}` })}</li>`,
  );
  return html`<section class="account-section" aria-labelledby="muted-tags">
<h2 id="muted-tags">Muted tags</h2>
<p>Works whose tags include one of these, or any of their synonyms and sub-tags, are collapsed in every listing and search, and left out of feeds you open while logged in. You can mute up to ${count(MAX_MUTED_TAGS)} tags.</p>
${formError(page.errors, 'tags')}
${page.tags.length > 0 ? html`<ul class="muted-list">${items}</ul>` : html`<p class="empty">You have not muted any tags.</p>`}
<form class="account-form" method="post" action="${page.action}/tags">
${csrfField(chrome.csrfToken)}
<div class="field tag-field${page.errors['tags.tag'] ? ' field-error' : ''}">
<label for="tags_tag">Tag to mute</label>
<p class="hint" id="tags_tag_hint">Any tag: a rating, warning, fandom, character, relationship or additional tag. A synonym mutes its canonical tag.</p>
${page.errors['tags.tag'] ? html`<p class="error-message" id="tags_tag_error"><span class="visually-hidden">Error: </span>${page.errors['tags.tag']}</p>` : ''}
<input id="tags_tag" name="tag" type="text" required maxlength="${MAX_TAG_LENGTH}" value="${page.values['tags.tag'] ?? ''}" list="tags_tag_list" autocomplete="off" data-tag-autocomplete="" aria-describedby="tags_tag_hint${page.errors['tags.tag'] ? ' tags_tag_error' : ''}"${page.errors['tags.tag'] ? html` aria-invalid="true"` : ''}>
<datalist id="tags_tag_list"></datalist>
</div>
${submitButton('Mute tag')}
</form>
</section>`;
}

function mutedUsersSection(chrome: PageChrome, page: MutedPage): SafeHtml {
  const items = page.users.map(
    (u) => html`<li><a href="${u.url}">${u.login}</a> <span class="muted-since">muted ${timeTag(u.mutedAt)}</span>
${buttonForm({ action: `${page.action}/users/${u.id}/delete`, csrfToken: chrome.csrfToken, label: 'Unmute', context: `the creator ${u.login}` })}</li>`,
  );
  return html`<section class="account-section" aria-labelledby="muted-users">
<h2 id="muted-users">Muted creators</h2>
<p>Works by these creators are collapsed in every listing and search. Anonymous works are never hidden this way: that would tell you who wrote them. You can mute up to ${count(MAX_MUTED_USERS)} creators.</p>
${formError(page.errors, 'users')}
${page.users.length > 0 ? html`<ul class="muted-list">${items}</ul>` : html`<p class="empty">You have not muted any creators.</p>`}
<form class="account-form" method="post" action="${page.action}/users">
${csrfField(chrome.csrfToken)}
${textField({ id: 'users_login', name: 'login', label: 'Creator to mute', type: 'text', required: true, maxlength: 100, verbatim: true, hint: 'Their login, as in the address of their page (/users/login).', value: page.values['users.login'], error: page.errors['users.login'] })}
${submitButton('Mute creator')}
</form>
</section>`;
}

export function mutedView(chrome: PageChrome, page: MutedPage): string {
  return layout(
    chrome,
    html`<div class="account-page personal-filters">
<h1>Muted tags and creators</h1>
<p>Only you can see this page. Muted works stay in listings, collapsed with the reason; open one to read its blurb.</p>
${errorSummary(page.errors, filterFieldId)}
${mutedTagsSection(chrome, page)}
${mutedUsersSection(chrome, page)}
<p><a href="${savedSearchesUrl(page.login)}">Your saved searches</a></p>
</div>
<script type="module" src="/static/js/tag-autocomplete.js"></script>`,
  );
}

export interface SavedSearchesPage {
  login: string;
  action: string;
  searches: SavedSearchView[];
  errors: Errors;
  values: Record<string, string>;
}

export function savedSearchesView(chrome: PageChrome, page: SavedSearchesPage): string {
  const items = page.searches.map(
    (s) => html`<li><a href="${s.url}">${s.name}</a> <span class="saved-on">saved ${timeTag(s.createdAt)}</span>
<code class="saved-query">${s.query}</code>
${buttonForm({ action: `${page.action}/${s.id}/delete`, csrfToken: chrome.csrfToken, label: 'Delete', context: `saved search ${s.name}`, danger: true })}</li>`,
  );
  return layout(
    chrome,
    html`<div class="account-page personal-filters">
<h1>Saved searches</h1>
<p>Only you can see this page. Save a search with “Save this search” beside any filtered listing, or paste its address below. You can keep up to ${MAX_SAVED_SEARCHES} searches.</p>
${errorSummary(page.errors, filterFieldId)}
${page.searches.length > 0 ? html`<ul class="saved-searches">${items}</ul>` : html`<p class="empty">You have no saved searches.</p>`}
<section class="account-section" aria-labelledby="save-search">
<h2 id="save-search">Save a search</h2>
${formError(page.errors, 'save')}
<form class="account-form" method="post" action="${page.action}">
${csrfField(chrome.csrfToken)}
${textField({ id: 'save_name', name: 'name', label: 'Name', type: 'text', required: true, maxlength: MAX_SAVED_SEARCH_NAME, value: page.values['save.name'], error: page.errors['save.name'] })}
${textField({ id: 'save_query', name: 'query', label: 'Search address or query', type: 'text', required: true, maxlength: MAX_SAVED_SEARCH_QUERY, verbatim: true, hint: 'The address of a works listing or search, such as /works?fandom=Original+Work&sort=kudos.', value: page.values['save.query'], error: page.errors['save.query'] })}
${submitButton('Save search')}
</form>
</section>
<p><a href="${mutedUrl(page.login)}">Your muted tags and creators</a></p>
</div>`,
  );
}
