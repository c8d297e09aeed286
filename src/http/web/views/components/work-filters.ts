// AO3's "Filters" sidebar as a plain GET form: the sort, include/exclude checkboxes for the most
// frequent tags of the current results (with their counts), free-text tag fields, and the other
// options under "More options". Without JavaScript, submitting reloads the listing with every
// choice in the URL, so a filtered listing can be bookmarked and shared.
import { html } from '../../html.ts';
import type { SafeHtml } from '../../html.ts';
import type { FacetGroup, FilterSidebar } from '../../../present/view-models.ts';
import { checkbox, csrfField, hiddenField, radioGroup, selectField, textField } from './form.ts';

function facetChoices(group: FacetGroup, mode: 'include' | 'exclude'): SafeHtml {
  const items = group.options.map((option, index) => {
    const id = `${mode}_${group.type}_${index}`;
    const checked = mode === 'include' ? option.included : option.excluded;
    return html`<li><input type="checkbox" id="${id}" name="${mode === 'include' ? group.includeParam : 'exclude'}" value="${option.name}"${checked ? html` checked` : ''}>
<label for="${id}">${option.name} <span class="count">(${option.count.toLocaleString('en-US')})</span></label></li>`;
  });
  const open = group.options.some((o) => (mode === 'include' ? o.included : o.excluded));
  return html`<details class="facet"${open ? html` open` : ''}><summary>${group.label}</summary><ul>${items}</ul></details>`;
}

function otherTags(mode: 'include' | 'exclude', names: ReadonlyArray<{ name: string; param: string }>): SafeHtml {
  return html`${names.map(
    (tag, index) => html`<div class="choice"><input type="checkbox" id="${mode}_other_${index}" name="${tag.param}" value="${tag.name}" checked>
<label for="${mode}_other_${index}">${tag.name}</label></div>`,
  )}
${textField({ id: `${mode}_tag`, name: mode === 'include' ? 'tag' : 'exclude', label: mode === 'include' ? 'Other tags to include' : 'Other tags to exclude', type: 'text', maxlength: 150, hint: 'One tag name' })}`;
}

function moreOptions(f: FilterSidebar): SafeHtml {
  const v = f.values;
  const open = Object.entries(v).some(([key, value]) => key !== 'q' && value !== '');
  return html`<details class="more-options"${open ? html` open` : ''}><summary>More options</summary>
${radioGroup({
  name: 'crossover',
  id: 'filter_crossover',
  legend: 'Crossovers',
  selected: v.crossover,
  options: [
    { value: '', label: 'Include crossovers' },
    { value: 'exclude', label: 'Exclude crossovers' },
    { value: 'only', label: 'Only crossovers' },
  ],
})}
${radioGroup({
  name: 'complete',
  id: 'filter_complete',
  legend: 'Completion status',
  selected: v.complete,
  options: [
    { value: '', label: 'All works' },
    { value: 'true', label: 'Complete works only' },
    { value: 'false', label: 'Works in progress only' },
  ],
})}
${checkbox({ id: 'filter_single_chapter', name: 'single_chapter', label: 'Single chapter works only', checked: v.single_chapter === 'true' })}
${selectField({ id: 'filter_language', name: 'language', label: 'Language', selected: v.language, options: [{ value: '', label: 'Any language' }, ...f.languages.map((l) => ({ value: l.code, label: l.name }))] })}
${textField({ id: 'filter_words', name: 'words', label: 'Word count', type: 'text', value: v.words, hint: 'For example 1000-5000, >10000 or <500', maxlength: 40 })}
${textField({ id: 'filter_updated', name: 'updated', label: 'Date updated', type: 'text', value: v.updated, hint: 'For example <2 weeks ago, >1 year ago or 2024-01-01..2024-06-30', maxlength: 60 })}
${textField({ id: 'filter_posted', name: 'posted', label: 'Date posted', type: 'text', value: v.posted, maxlength: 60 })}
${textField({ id: 'filter_kudos', name: 'kudos', label: 'Kudos', type: 'text', value: v.kudos, hint: 'For example >100 or 10-50', maxlength: 40 })}
${textField({ id: 'filter_hits', name: 'hits', label: 'Hits', type: 'text', value: v.hits, maxlength: 40 })}
${textField({ id: 'filter_comments', name: 'comments', label: 'Comments', type: 'text', value: v.comments, maxlength: 40 })}
${textField({ id: 'filter_bookmarks', name: 'bookmarks', label: 'Bookmarks', type: 'text', value: v.bookmarks, maxlength: 40 })}
</details>`;
}

export function filterSidebar(f: FilterSidebar): SafeHtml {
  return html`<aside class="filters" aria-labelledby="filters_heading">
<h2 id="filters_heading">Filters</h2>
<form method="get" action="${f.action}" class="filters-form">
${selectField({ id: 'filter_sort', name: 'sort', label: 'Sort by', selected: f.sort, options: f.sorts })}
${selectField({ id: 'filter_order', name: 'order', label: 'Order', selected: f.order, options: [{ value: 'desc', label: 'Descending' }, { value: 'asc', label: 'Ascending' }] })}
<fieldset class="include"><legend>Include</legend>
${f.groups.map((g) => facetChoices(g, 'include'))}
${otherTags('include', f.otherIncluded)}
</fieldset>
<fieldset class="exclude"><legend>Exclude</legend>
${f.groups.filter((g) => g.type !== 'rating' || g.options.length > 1).map((g) => facetChoices(g, 'exclude'))}
${otherTags('exclude', f.otherExcluded.map((name) => ({ name, param: 'exclude' })))}
</fieldset>
${textField({ id: 'filter_q', name: 'q', label: 'Search within results', type: 'search', value: f.values.q, maxlength: 500, hint: 'Words, "phrases", -exclusions, OR, title: summary: creator: tag:' })}
${moreOptions(f)}
<p class="actions"><button type="submit">Sort and Filter</button> <a href="${f.clearUrl}">Clear Filters</a></p>
</form>
${
  f.save
    ? html`<form method="post" action="${f.save.action}" class="save-search">
${csrfField(f.save.csrfToken)}${hiddenField('query', f.save.query)}
${textField({ id: 'save_search_name', name: 'name', label: 'Save this search as', type: 'text', maxlength: 100, required: true })}
<p class="actions"><button type="submit">Save search</button></p>
</form>`
    : ''
}
</aside>`;
}
