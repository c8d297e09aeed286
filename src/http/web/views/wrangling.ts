// The wranglers' home (GET /tags/wrangle, AO3's "Tag Wrangling" page) and one fandom's queue of
// unwrangled tags (GET /tags/wrangle/:fandom). Both work without JavaScript: the queues are links,
// mass actions are one plain form, and looking a tag up is a GET form.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome, Pagination } from '../../present/view-models.ts';
import { layout } from './layout.ts';
import { formatNumber } from './components/date.ts';
import { errorSummary, submitButton, textField } from './components/form.ts';
import { pagination } from './components/pagination.ts';
import { massFieldId, massForm, wranglingHomeUrl, type MassChoices } from './wrangling-shared.ts';

export interface WranglingHomePage {
  fandoms: Array<{ name: string; unwrangled: number; queueUrl: string }>;
  unwrangledFandoms: Array<{ name: string; uses: number }>;
  /** The tag name typed into "Wrangle a tag", kept when it was not found. */
  lookup: string;
  /** "lookup" for the look-up form; the mass form's keys (see massFieldId); "_" for the page. */
  errors: Record<string, string>;
  choices: MassChoices | null;
  /** Background jobs refiltering works after big changes, newest first. */
  jobs: Array<{ id: number; status: string; progress: number; total: number | null; createdAt: string }>;
}

const HOME_FORM = 'fandoms';

/** Progress of the refiltering jobs, as a native <progress> with its numbers in words too. */
function jobList(jobs: WranglingHomePage['jobs']): SafeHtml {
  if (jobs.length === 0) return html`<p>No works are being refiltered.</p>`;
  return html`<ul class="job-list">${jobs.map((job) => {
    const label = job.total === null ? `${job.progress} works` : `${job.progress} of ${job.total} works`;
    return html`<li><span>Job #${job.id}: ${job.status}, ${label}</span> <progress max="${job.total ?? 1}" value="${job.total === null ? 0 : job.progress}" aria-label="Job ${job.id} progress">${label}</progress></li>`;
  })}</ul>`;
}

function homeFieldId(key: string): string | null {
  return key === 'lookup' ? 'wrangle_lookup' : massFieldId(HOME_FORM, key);
}

function queueList(fandoms: WranglingHomePage['fandoms']): SafeHtml {
  if (fandoms.length === 0) return html`<p class="empty">No canonical fandom has unwrangled tags. Well done!</p>`;
  const rows = fandoms.map(
    (f) => html`<tr><th scope="row"><a href="${f.queueUrl}">${f.name}</a></th><td class="numeric">${formatNumber(f.unwrangled)}</td></tr>`,
  );
  return html`<div class="table-wrap"><table class="wrangling-table">
<caption>Fandoms by number of unwrangled tags</caption>
<thead><tr><th scope="col">Fandom</th><th scope="col" class="numeric">Unwrangled tags</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
}

export function wranglingHomeView(chrome: PageChrome, page: WranglingHomePage): string {
  return layout(
    chrome,
    html`<div class="wrangling">
<h1>Tag Wrangling</h1>
${errorSummary(page.errors, homeFieldId)}
<section class="wrangling-section" aria-labelledby="wrangle-lookup-heading">
<h2 id="wrangle-lookup-heading">Wrangle a tag</h2>
<form class="lookup-form" method="get" action="${wranglingHomeUrl}">
${textField({ id: 'wrangle_lookup', name: 'tag', label: 'Tag name', type: 'text', maxlength: 150, required: true, verbatim: true, value: page.lookup, error: page.errors.lookup, hint: 'Any tag, wrangled or not; synonyms open their own page.' })}
${submitButton('Open tag')}
</form>
</section>
<section class="wrangling-section" aria-labelledby="wrangle-queues-heading">
<h2 id="wrangle-queues-heading">Fandoms with unwrangled tags</h2>
<p>Characters, relationships and additional tags used on works in a canonical fandom that are not yet canonical, a synonym, or marked unwrangleable.</p>
${queueList(page.fandoms)}
</section>
<section class="wrangling-section" aria-labelledby="wrangle-jobs-heading">
<h2 id="wrangle-jobs-heading">Refiltering works</h2>
<p>Large changes refilter their works in the background; reload to see the progress.</p>
${jobList(page.jobs)}
</section>
<section class="wrangling-section" aria-labelledby="wrangle-fandoms-heading">
<h2 id="wrangle-fandoms-heading">Unwrangled fandoms</h2>
<p>Fandom tags writers created that nobody has wrangled. A fandom gets a queue once it is canonical.</p>
${massForm({
  csrfToken: chrome.csrfToken,
  formId: HOME_FORM,
  caption: 'Unwrangled fandom tags, most used first',
  tags: page.unwrangledFandoms,
  parentLabel: 'Add a parent media tag',
  parentDefault: '',
  returnTo: wranglingHomeUrl,
  choices: page.choices,
  errors: page.errors,
  empty: 'Every fandom tag has been wrangled.',
})}
</section>
</div>`,
  );
}

export type QueueType = 'character' | 'relationship' | 'freeform';

export interface WranglingQueuePage {
  fandom: string;
  /** The fandom's own wrangling page. */
  fandomWrangleUrl: string;
  type: QueueType;
  /** The queue's label, "Characters". */
  typeLabel: string;
  tabs: Array<{ label: string; url: string; current: boolean }>;
  tags: Array<{ name: string; uses: number }>;
  pagination: Pagination;
  /** This page's path and query, where the mass form returns. */
  returnTo: string;
  errors: Record<string, string>;
  choices: MassChoices | null;
}

const QUEUE_FORM = 'queue';

function tabs(page: WranglingQueuePage): SafeHtml {
  const items = page.tabs.map((tab) =>
    tab.current ? html`<li><a href="${tab.url}" aria-current="page">${tab.label}</a></li>` : html`<li><a href="${tab.url}">${tab.label}</a></li>`,
  );
  return html`<nav class="wrangling-tabs" aria-label="Kinds of tag"><ul>${items}</ul></nav>`;
}

export function wranglingQueueView(chrome: PageChrome, page: WranglingQueuePage): string {
  return layout(
    chrome,
    html`<div class="wrangling">
<p class="breadcrumbs"><a href="${wranglingHomeUrl}">Tag Wrangling</a></p>
<h1>Unwrangled ${page.typeLabel} in ${page.fandom}</h1>
<p><a href="${page.fandomWrangleUrl}">Wrangle the fandom tag itself<span class="visually-hidden">: ${page.fandom}</span></a></p>
${tabs(page)}
${errorSummary(page.errors, (key) => massFieldId(QUEUE_FORM, key))}
${massForm({
  csrfToken: chrome.csrfToken,
  formId: QUEUE_FORM,
  caption: `Unwrangled ${page.typeLabel.toLowerCase()} in ${page.fandom}, most used first`,
  tags: page.tags,
  parentLabel: 'Add a parent fandom',
  parentDefault: page.fandom,
  returnTo: page.returnTo,
  choices: page.choices,
  errors: page.errors,
  empty: `No unwrangled ${page.typeLabel.toLowerCase()} here.`,
})}
${page.pagination.previousUrl || page.pagination.nextUrl ? pagination(page.pagination) : ''}
</div>`,
  );
}
