// The "Post New Work" and "Edit Work" form (AO3's works/new and works/:id/edit), in AO3's
// order: tags, preface, associations, privacy, the work text, then the buttons. Every control
// has a label; errors appear in a summary at the top (linked to their fields) and beside each
// field, and everything typed is kept when the form comes back with errors (WCAG 3.3.1–3.3.3).
// It works without JavaScript; the tag autocomplete script only adds suggestions.
import { html } from '../html.ts';
import type { SafeHtml } from '../html.ts';
import type { PageChrome } from '../../present/view-models.ts';
import { CATEGORIES, RATINGS, WARNINGS } from '../../../domain/fixed-tags.ts';
import { ALL_LANGUAGES } from '../../../domain/languages.ts';
import { LIMITS } from '../../../domain/work-rules.ts';
import { layout } from './layout.ts';
import { checkbox, csrfField, errorSummary, radioGroup, selectField, textArea, textField } from './components/form.ts';
import { checkboxGroup, commitButtons, formLevelError, tagField, type CommitButton } from './posting/components.ts';

/** What the form shows: the writer's values as typed (or as stored, when editing). */
export interface WorkFormValues {
  title: string;
  summary: string;
  notes: string;
  endNotes: string;
  /** Normally one; a forged form may send several, which the service refuses. */
  ratings: string[];
  warnings: string[];
  categories: string[];
  fandoms: string;
  relationships: string;
  characters: string;
  freeforms: string;
  language: string;
  seriesId: string;
  seriesTitle: string;
  seriesPosition: string;
  leaveSeries: string[];
  coCreators: string;
  pseudIds: string[];
  restricted: boolean;
  anonymous: boolean;
  commentPermission: string;
  moderatedComments: boolean;
  publishedAt: string;
  multiChapter: boolean;
  chapterTitle: string;
  expectedChapters: string;
  content: string;
}

export interface WorkFormPage {
  mode: 'new' | 'edit';
  action: string;
  values: WorkFormValues;
  errors: Record<string, string>;
  pseuds: Array<{ id: number; name: string }>;
  series: Array<{ id: number; title: string }>;
  /** Edit: the series the work is in (each can be left). */
  memberships: Array<{ id: number; title: string; position: number }>;
  /** Edit: co-creators already credited or invited. */
  coCreatorStatus: Array<{ name: string; approved: boolean }>;
  /** Edit: whether the text is on this form (one chapter) or edited chapter by chapter. */
  chapterCount: number;
  chaptersUrl: string | null;
  buttons: CommitButton[];
  cancelUrl: string | null;
  /** The upload limit, for the file field's hint. */
  maxUploadMb: number;
}

/** Error keys (from the services) → the id of the control they are about. */
const FIELD_IDS: Record<string, string> = {
  title: 'work_title',
  summary: 'work_summary',
  notes: 'work_notes',
  endNotes: 'work_end_notes',
  rating: 'work_rating',
  warnings: 'work_warnings',
  categories: 'work_categories',
  fandoms: 'work_fandoms',
  relationships: 'work_relationships',
  characters: 'work_characters',
  freeforms: 'work_freeforms',
  tags: 'work_fandoms',
  language: 'work_language',
  series: 'work_series_id',
  seriesPosition: 'work_series_position',
  coCreators: 'work_co_creators',
  pseuds: 'work_pseuds',
  commentPermission: 'work_comment_permission',
  postedAt: 'work_published_at',
  expectedChapters: 'work_expected_chapters',
  chapters: 'work_content',
  'chapters.1.content': 'work_content',
  'chapters.1.title': 'work_chapter_title',
  file: 'work_file',
};

export function workFieldId(key: string): string | null {
  if (FIELD_IDS[key]) return FIELD_IDS[key];
  // Problems with a later chapter can only come from an uploaded file.
  return key.startsWith('chapters.') ? 'work_file' : null;
}

/** Problems with chapters beyond the first (uploads), shown beside the file field. */
function uploadProblems(errors: Record<string, string>): string | undefined {
  const messages = Object.entries(errors).filter(([key]) => key === 'file' || (key.startsWith('chapters.') && !key.startsWith('chapters.1.'))).map(([, m]) => m);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

function section(id: string, title: string, body: SafeHtml): SafeHtml {
  return html`<fieldset class="posting-section" id="${id}">
<legend>${title}</legend>
${body}
</fieldset>`;
}

function tagsSection(page: WorkFormPage): SafeHtml {
  const { values: v, errors: e } = page;
  return section('work-tags', 'Tags', html`${radioGroup({ id: 'work_rating', name: 'rating', legend: 'Rating (required)', options: RATINGS.map((r) => ({ value: r, label: r })), selected: v.ratings[0] ?? null, error: e.rating })}
${checkboxGroup({ id: 'work_warnings', name: 'warnings', legend: 'Archive Warnings (required)', hint: 'Choose at least one.', options: WARNINGS.map((w) => ({ value: w, label: w })), checked: v.warnings, error: e.warnings })}
${tagField({ id: 'work_fandoms', name: 'fandoms', label: 'Fandoms', type: 'fandom', value: v.fandoms, required: true, error: e.fandoms ?? e.tags, hint: 'Separate fandoms with commas; use "Original Work" for original fiction.' })}
${checkboxGroup({ id: 'work_categories', name: 'categories', legend: 'Categories', options: CATEGORIES.map((c) => ({ value: c, label: c })), checked: v.categories, error: e.categories, className: 'inline-choices' })}
${tagField({ id: 'work_relationships', name: 'relationships', label: 'Relationships', type: 'relationship', value: v.relationships, error: e.relationships, fandomField: 'work_fandoms' })}
${tagField({ id: 'work_characters', name: 'characters', label: 'Characters', type: 'character', value: v.characters, error: e.characters, fandomField: 'work_fandoms' })}
${tagField({ id: 'work_freeforms', name: 'freeforms', label: 'Additional Tags', type: 'freeform', value: v.freeforms, error: e.freeforms, fandomField: 'work_fandoms' })}`);
}

function creatorsFields(page: WorkFormPage): SafeHtml {
  const { values: v, errors: e } = page;
  // One pseud needs no choice (the default is used); several are offered as checkboxes.
  const pseuds =
    page.pseuds.length > 1
      ? checkboxGroup({ id: 'work_pseuds', name: 'pseud_ids', legend: 'Creator/Pseud(s)', hint: 'The pseuds of yours this work is credited to.', options: page.pseuds.map((p) => ({ value: String(p.id), label: p.name })), checked: v.pseudIds, error: e.pseuds })
      : html``;
  const status =
    page.coCreatorStatus.length > 0
      ? html`<p class="co-creator-status">Co-creators: ${page.coCreatorStatus.map((c, i) => html`${i > 0 ? ', ' : ''}${c.name}${c.approved ? '' : ' (invited, not yet accepted)'}`)}</p>`
      : '';
  return html`${pseuds}
${status}
${textField({ id: 'work_co_creators', name: 'co_creators', label: page.mode === 'edit' ? 'Invite more co-creators' : 'Invite co-creators', type: 'text', value: v.coCreators, error: e.coCreators, hint: 'Pseuds of other users, separated by commas; write "pseud (login)" when several users share a pseud. They are listed once they accept.', verbatim: true })}`;
}

function prefaceSection(page: WorkFormPage): SafeHtml {
  const { values: v, errors: e } = page;
  return section('work-preface', 'Preface', html`${textField({ id: 'work_title', name: 'title', label: 'Work Title (required)', type: 'text', value: v.title, error: e.title, hint: `Up to ${LIMITS.titleMax} characters.` })}
${creatorsFields(page)}
${textArea({ id: 'work_summary', name: 'summary', label: 'Summary', value: v.summary, error: e.summary, rows: 4, hint: `Up to ${LIMITS.summaryMax.toLocaleString('en-US')} characters. HTML is allowed.` })}
${textArea({ id: 'work_notes', name: 'notes', label: 'Notes at the beginning', value: v.notes, error: e.notes, rows: 4, hint: `Up to ${LIMITS.notesMax.toLocaleString('en-US')} characters.` })}
${textArea({ id: 'work_end_notes', name: 'end_notes', label: 'Notes at the end', value: v.endNotes, error: e.endNotes, rows: 4, hint: `Up to ${LIMITS.notesMax.toLocaleString('en-US')} characters.` })}`);
}

function seriesFields(page: WorkFormPage): SafeHtml {
  const { values: v, errors: e } = page;
  const leave =
    page.memberships.length > 0
      ? checkboxGroup({ id: 'work_leave_series', name: 'leave_series', legend: 'Remove from series', hint: 'The work is in these series now.', options: page.memberships.map((s) => ({ value: String(s.id), label: `${s.title} (part ${s.position})` })), checked: v.leaveSeries })
      : html``;
  return html`${leave}
${selectField({ id: 'work_series_id', name: 'series_id', label: 'Add to one of your series', options: [{ value: '', label: 'None' }, ...page.series.map((s) => ({ value: String(s.id), label: s.title }))], selected: v.seriesId, error: e.series })}
${textField({ id: 'work_series_title', name: 'series_title', label: 'Or start a new series', type: 'text', value: v.seriesTitle, hint: 'The title of the new series.' })}
${textField({ id: 'work_series_position', name: 'series_position', label: 'Part number in the series', type: 'number', min: 1, value: v.seriesPosition, error: e.seriesPosition, hint: 'Leave blank to add it at the end.' })}`;
}

function chapterFields(page: WorkFormPage): SafeHtml {
  const { values: v, errors: e } = page;
  const expected = textField({ id: 'work_expected_chapters', name: 'expected_chapters', label: 'Expected number of chapters', type: 'number', min: 1, value: v.expectedChapters, error: e.expectedChapters, hint: 'Leave blank if you do not know yet (shown as 1/?).' });
  if (page.mode === 'edit') return expected;
  return html`${checkbox({ id: 'work_multi_chapter', name: 'multi_chapter', label: 'This is a multi-chapter work', checked: v.multiChapter, hint: 'Post the first chapter now and add more later.' })}
${expected}`;
}

function associationsSection(page: WorkFormPage): SafeHtml {
  const { values: v, errors: e } = page;
  return section('work-associations', 'Associations', html`${seriesFields(page)}
${chapterFields(page)}
${selectField({ id: 'work_language', name: 'language', label: 'Language', options: ALL_LANGUAGES.map((l) => ({ value: l.code, label: l.name === l.english ? l.name : `${l.name} (${l.english})` })), selected: v.language || 'en', error: e.language })}`);
}

function privacySection(page: WorkFormPage): SafeHtml {
  const { values: v, errors: e } = page;
  return section('work-privacy', 'Privacy and comments', html`${checkbox({ id: 'work_restricted', name: 'restricted', label: 'Only show this work to registered users', checked: v.restricted })}
${checkbox({ id: 'work_anonymous', name: 'anonymous', label: 'Post anonymously', checked: v.anonymous, hint: 'Your name is hidden everywhere the work appears.' })}
${radioGroup({ id: 'work_comment_permission', name: 'comment_permission', legend: 'Who can comment on this work', selected: v.commentPermission || 'everyone', error: e.commentPermission, options: [
    { value: 'everyone', label: 'Registered users and guests' },
    { value: 'users', label: 'Only registered users' },
    { value: 'none', label: 'No one (comments are off)' },
  ] })}
${checkbox({ id: 'work_moderated_comments', name: 'moderated_comments', label: 'Moderate comments', checked: v.moderatedComments, hint: 'New comments wait for your approval before they appear.' })}
${textField({ id: 'work_published_at', name: 'published_at', label: 'Published date (backdating)', type: 'date', value: v.publishedAt, error: e.postedAt, hint: 'Optional: the date the work was first published, if earlier than today. Format YYYY-MM-DD.' })}`);
}

function textSection(page: WorkFormPage): SafeHtml {
  const { values: v, errors: e } = page;
  if (page.mode === 'edit' && page.chapterCount > 1) {
    return section('work-text', 'Work Text', html`<p>This work has ${page.chapterCount} chapters. ${page.chaptersUrl ? html`<a href="${page.chaptersUrl}">Edit and reorder its chapters</a>.` : ''}</p>`);
  }
  const upload =
    page.mode === 'new'
      ? html`<div class="field${uploadProblems(e) ? ' field-error' : ''}">
<label for="work_file">Import the text from a file</label>
<p class="hint" id="work_file_hint">Optional: a .txt, .md, .html, .docx or .epub file up to ${page.maxUploadMb} MB (AO3 downloads bring their tags and notes). You will see a preview before anything is posted.</p>
${uploadProblems(e) ? html`<p class="error-message" id="work_file_error"><span class="visually-hidden">Error: </span>${uploadProblems(e)}</p>` : ''}
<input id="work_file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.docx,.epub,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/epub+zip" aria-describedby="work_file_hint${uploadProblems(e) ? ' work_file_error' : ''}">
</div>`
      : html``;
  return section('work-text', 'Work Text', html`${textField({ id: 'work_chapter_title', name: 'chapter_title', label: 'Chapter title', type: 'text', value: v.chapterTitle, error: e['chapters.1.title'], hint: 'Optional.' })}
${upload}
${textArea({ id: 'work_content', name: 'content', label: page.mode === 'new' ? 'Work text (or import a file above)' : 'Work text', value: v.content, error: e['chapters.1.content'] ?? e.chapters, rows: 20, hint: 'Type or paste HTML, or plain text: blank lines separate paragraphs.' })}`);
}

export function workFormView(chrome: PageChrome, page: WorkFormPage): string {
  const heading = page.mode === 'new' ? 'Post New Work' : `Edit Work: ${page.values.title}`;
  return layout(
    chrome,
    html`<div class="posting work-form">
<h1>${heading}</h1>
${errorSummary(page.errors, workFieldId)}
<p class="hint">Fields marked required must be filled in. Everything else is optional.</p>
<form method="post" action="${page.action}" enctype="multipart/form-data" class="posting-form" novalidate>
${csrfField(chrome.csrfToken)}
${tagsSection(page)}
${prefaceSection(page)}
${associationsSection(page)}
${privacySection(page)}
${textSection(page)}
${formLevelError(page.errors._)}
${commitButtons(page.buttons, page.cancelUrl ?? undefined)}
</form>
</div>
<script type="module" src="/static/js/tag-autocomplete.js"></script>`,
  );
}
