// One tag's wrangling page (GET /tags/:tag/wrangle, AO3's tags/edit): its state and relations,
// each relation removable with a small POST form, and a form per change — canonical, synonym of,
// parents, meta tags, unwrangleable. Every form posts to its own route and comes back here.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { formatNumber } from './components/date.ts';
import { buttonForm, csrfField, errorSummary, hiddenField, submitButton, textField } from './components/form.ts';
import { wranglingHomeUrl } from './wrangling-shared.ts';

export interface WrangleLink {
  name: string;
  /** The tag's own wrangling page. */
  url: string;
  typeLabel: string;
}

/** The forms on the page, by the key their errors and typed values are kept under. */
export type WrangleForm = 'canonical' | 'merge' | 'parent' | 'meta' | 'unwrangleable';

export interface WrangleTagPage {
  name: string;
  typeLabel: string;
  /** The public tag page. */
  tagUrl: string;
  /** This page; the forms post to its sub-paths. */
  url: string;
  /** False for the fixed tags (ratings, warnings, categories). */
  wrangleable: boolean;
  canonical: boolean;
  unwrangleable: boolean;
  mergedInto: WrangleLink | null;
  synonyms: WrangleLink[];
  parents: WrangleLink[];
  children: WrangleLink[];
  metaTags: WrangleLink[];
  subTags: WrangleLink[];
  /** "Fandom or Character": who may be a parent; null when nothing may. */
  parentTypes: string | null;
  /** Keyed by form (WrangleForm), "_" for the page. */
  errors: Record<string, string>;
  /** Text typed into the merge, parent and meta fields, kept after an error. */
  values: { merge: string; parent: string; meta: string };
  /** What the last action's refiltering did, when it touched works. */
  recompute: { recomputed: number; jobId: number | null } | null;
}

const FIELD_IDS: Record<WrangleForm, string> = {
  canonical: 'wrangle_canonical',
  merge: 'wrangle_merge',
  parent: 'wrangle_parent',
  meta: 'wrangle_meta',
  unwrangleable: 'wrangle_unwrangleable',
};

export function wrangleFieldId(key: string): string | null {
  return FIELD_IDS[key as WrangleForm] ?? null;
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<section class="wrangling-section" aria-labelledby="${id}">
<h2 id="${id}">${title}</h2>
${body}
</section>`;
}

/** A list of related tags, each with its own "Remove" form. */
function relationList(o: { id: string; title: string; tags: readonly WrangleLink[]; empty: string; remove: (tag: WrangleLink) => SafeHtml; showType?: boolean }): SafeHtml {
  const items = o.tags.map(
    (tag) => html`<li><a href="${tag.url}">${tag.name}</a>${o.showType ? html` <span class="tag-type">(${tag.typeLabel})</span>` : ''} ${o.remove(tag)}</li>`,
  );
  return html`<h3 id="${o.id}">${o.title}</h3>
${o.tags.length > 0 ? html`<ul class="wrangle-relations">${items}</ul>` : html`<p class="empty">${o.empty}</p>`}`;
}

/** A checkbox that can carry an error message (the shared checkbox() has hints only). */
function checkboxField(o: { id: string; name: string; label: string; checked: boolean; error: string | undefined; hint: string }): SafeHtml {
  const described = [`${o.id}_hint`, o.error ? `${o.id}_error` : ''].filter(Boolean).join(' ');
  return html`<div class="field choice${o.error ? ' field-error' : ''}">
<input id="${o.id}" name="${o.name}" type="checkbox" value="true"${o.checked ? html` checked` : ''} aria-describedby="${described}">
<label for="${o.id}">${o.label}</label>
<p class="hint" id="${o.id}_hint">${o.hint}</p>
${o.error ? html`<p class="error-message" id="${o.id}_error"><span class="visually-hidden">Error: </span>${o.error}</p>` : ''}
</div>`;
}

function status(page: WrangleTagPage): SafeHtml {
  return html`<dl class="meta wrangle-status">
<dt>Type:</dt><dd>${page.typeLabel}</dd>
<dt>Canonical:</dt><dd>${page.canonical ? 'Yes' : 'No'}</dd>
<dt>Synonym of:</dt><dd>${page.mergedInto ? html`<a href="${page.mergedInto.url}">${page.mergedInto.name}</a>` : 'None'}</dd>
<dt>Unwrangleable:</dt><dd>${page.unwrangleable ? 'Yes' : 'No'}</dd>
</dl>`;
}

function canonicalSection(chrome: PageChrome, page: WrangleTagPage): SafeHtml {
  const merged = page.mergedInto;
  const unmerge = merged
    ? html`<p>This tag is a synonym of <a href="${merged.url}">${merged.name}</a>.</p>
${buttonForm({ action: `${page.url}/unmerge`, csrfToken: chrome.csrfToken, label: 'Unmerge', context: `${page.name} from ${merged.name}` })}`
    : '';
  return section(
    'wrangle-canonical-heading',
    'Canonical and synonyms',
    html`<form class="wrangle-form" method="post" action="${page.url}/canonical">
${csrfField(chrome.csrfToken)}
${checkboxField({ id: FIELD_IDS.canonical, name: 'canonical', label: 'Canonical', checked: page.canonical, error: page.errors.canonical, hint: 'Canonical tags can be filtered on and can have synonyms, parents, meta and sub tags.' })}
${submitButton('Save canonical status')}
</form>
${unmerge}
<form class="wrangle-form" method="post" action="${page.url}/merge">
${csrfField(chrome.csrfToken)}
${textField({ id: FIELD_IDS.merge, name: 'into', label: 'Synonym of', type: 'text', maxlength: 150, verbatim: true, value: page.values.merge, error: page.errors.merge, hint: `A canonical ${page.typeLabel} tag. Works using this tag will be listed under it.` })}
${submitButton(merged ? 'Change canonical tag' : 'Make synonym')}
</form>
${relationList({
  id: 'wrangle-synonyms',
  title: 'Synonyms of this tag',
  tags: page.synonyms,
  empty: 'No synonyms.',
  remove: (tag) => buttonForm({ action: `${tag.url}/unmerge`, csrfToken: chrome.csrfToken, label: 'Remove', context: `synonym ${tag.name}`, hidden: { return_to: page.url } }),
})}`,
  );
}

function parentsSection(chrome: PageChrome, page: WrangleTagPage): SafeHtml {
  const addForm = page.parentTypes
    ? html`<form class="wrangle-form" method="post" action="${page.url}/parents">
${csrfField(chrome.csrfToken)}
${hiddenField('op', 'add')}
${textField({ id: FIELD_IDS.parent, name: 'parent', label: 'Add parent', type: 'text', maxlength: 150, verbatim: true, value: page.values.parent, error: page.errors.parent, hint: `A canonical ${page.parentTypes} tag.` })}
${submitButton('Add parent')}
</form>`
    : html`<p>${page.typeLabel} tags have no parents.</p>`;
  return section(
    'wrangle-parents-heading',
    'Parent and child tags',
    html`${relationList({
      id: 'wrangle-parents',
      title: 'Parent tags',
      tags: page.parents,
      empty: 'No parent tags.',
      showType: true,
      remove: (tag) => buttonForm({ action: `${page.url}/parents`, csrfToken: chrome.csrfToken, label: 'Remove', context: `parent ${tag.name}`, hidden: { parent: tag.name, op: 'remove' } }),
    })}
${addForm}
${relationList({
  id: 'wrangle-children',
  title: 'Child tags',
  tags: page.children,
  empty: 'No child tags.',
  showType: true,
  remove: (tag) => buttonForm({ action: `${tag.url}/parents`, csrfToken: chrome.csrfToken, label: 'Remove', context: `child ${tag.name}`, hidden: { parent: page.name, op: 'remove', return_to: page.url } }),
})}`,
  );
}

function metaSection(chrome: PageChrome, page: WrangleTagPage): SafeHtml {
  return section(
    'wrangle-meta-heading',
    'Meta and sub tags',
    html`<p>A meta tag is a broader canonical tag of the same type: works under its sub tags are listed under it too.</p>
${relationList({
  id: 'wrangle-meta-tags',
  title: 'Meta tags',
  tags: page.metaTags,
  empty: 'No meta tags.',
  remove: (tag) => buttonForm({ action: `${page.url}/meta`, csrfToken: chrome.csrfToken, label: 'Remove', context: `meta tag ${tag.name}`, hidden: { meta: tag.name, op: 'remove' } }),
})}
<form class="wrangle-form" method="post" action="${page.url}/meta">
${csrfField(chrome.csrfToken)}
${hiddenField('op', 'add')}
${textField({ id: FIELD_IDS.meta, name: 'meta', label: 'Add meta tag', type: 'text', maxlength: 150, verbatim: true, value: page.values.meta, error: page.errors.meta, hint: `A canonical ${page.typeLabel} tag; this tag must be canonical too.` })}
${submitButton('Add meta tag')}
</form>
${relationList({
  id: 'wrangle-sub-tags',
  title: 'Sub tags',
  tags: page.subTags,
  empty: 'No sub tags.',
  remove: (tag) => buttonForm({ action: `${tag.url}/meta`, csrfToken: chrome.csrfToken, label: 'Remove', context: `sub tag ${tag.name}`, hidden: { meta: page.name, op: 'remove', return_to: page.url } }),
})}`,
  );
}

function unwrangleableSection(chrome: PageChrome, page: WrangleTagPage): SafeHtml {
  return section(
    'wrangle-unwrangleable-heading',
    'Unwrangleable',
    html`<form class="wrangle-form" method="post" action="${page.url}/unwrangleable">
${csrfField(chrome.csrfToken)}
${checkboxField({ id: FIELD_IDS.unwrangleable, name: 'unwrangleable', label: 'Unwrangleable', checked: page.unwrangleable, error: page.errors.unwrangleable, hint: 'For tags that cannot sensibly be made canonical or a synonym; they leave the wrangling queues.' })}
${submitButton('Save unwrangleable status')}
</form>`,
  );
}

function recomputeSection(page: WrangleTagPage): SafeHtml {
  const r = page.recompute;
  if (!r || r.jobId === null) return html``;
  return section('wrangle-job-heading', 'Refiltering works', html`<p>Background job <span class="job-id">#${r.jobId}</span> is refiltering the works that use this tag${r.recomputed > 0 ? html`, after ${formatNumber(r.recomputed)} were refiltered at once` : ''}.</p>`);
}

export function wrangleTagView(chrome: PageChrome, page: WrangleTagPage): string {
  const body = page.wrangleable
    ? html`${canonicalSection(chrome, page)}
${parentsSection(chrome, page)}
${metaSection(chrome, page)}
${unwrangleableSection(chrome, page)}`
    : html`<p>${page.typeLabel} tags are fixed: they cannot be wrangled.</p>`;
  return layout(
    chrome,
    html`<div class="wrangling wrangle-tag">
<p class="breadcrumbs"><a href="${wranglingHomeUrl}">Tag Wrangling</a></p>
<h1>${page.name}</h1>
<p><a href="${page.tagUrl}">View the tag page<span class="visually-hidden"> for ${page.name}</span></a></p>
${errorSummary(page.errors, wrangleFieldId)}
${recomputeSection(page)}
${status(page)}
${body}
</div>`,
  );
}
