// Posting and editing works (AO3's works/new, edit, preview and drafts). The form is multipart
// (it may carry a file); see posting-form.ts for how it is read (guests are sent to log in before
// it is) and its CSRF token checked.
// Guests are sent to log in; everything else — who may do what — is the services' decision.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { MAX_IMPORT_BYTES, type ImportedDocument } from '../../../formats/import/index.ts';
import { editWork, workForEditing } from '../../../services/works/edit-work.ts';
import { postingChoices, postNewWork } from '../../../services/works/post-work.ts';
import { listDrafts, postDraft, previewWork } from '../../../services/works/publish.ts';
import { importUpload } from '../../../services/works/upload.ts';
import { presentWorkPage } from '../../present/work-page.ts';
import { userUrl, workUrl } from '../../present/urls.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, loginRedirect, redirectTo } from '../forms.ts';
import { workFormView, type WorkFormPage, type WorkFormValues } from '../views/posting-form.ts';
import { draftsView, previewTop } from '../views/posting-pages.ts';
import { workView } from '../views/work.ts';
import { Id, WorkParams } from './params.ts';
import { all, commitOf, ids, POSTING_ROUTE, readPostedForm } from './posting-form.ts';
import { detailsInputFrom, emptyWorkValues, newWorkInputFrom, prefillFromImport, workValuesFrom, workValuesFromStored } from './posting-values.ts';

export const previewUrl = (id: number) => `/works/${id}/preview`;
export const editUrl = (id: number) => `/works/${id}/edit`;
export const draftsUrl = (login: string) => `${userUrl(login)}/drafts`;
export const manageChaptersUrl = (id: number) => `/works/${id}/chapters/manage`;

const LoginParams = Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) });
const DONE: Record<string, string> = {
  saved: 'Your draft has been saved. Only you can see it.',
  deleted: 'The work has been deleted.',
  posted: 'Your work has been posted.',
};

type Errors = Record<string, string>;

async function renderNewForm(request: FastifyRequest, reply: FastifyReply, values: WorkFormValues | null, errors: Errors, status: number): Promise<FastifyReply> {
  const choices = await postingChoices(request.ctx);
  const defaultPseud = choices.pseuds.find((p) => p.isDefault) ?? choices.pseuds[0];
  const page: WorkFormPage = {
    mode: 'new',
    action: '/works',
    values: values ?? emptyWorkValues(defaultPseud?.id ?? null),
    errors,
    pseuds: choices.pseuds.map((p) => ({ id: p.id, name: p.name })),
    series: choices.series,
    memberships: [],
    coCreatorStatus: [],
    chapterCount: 1,
    chaptersUrl: null,
    buttons: ['preview', 'draft', 'post'],
    cancelUrl: null,
    maxUploadMb: Math.round(MAX_IMPORT_BYTES / (1024 * 1024)),
  };
  return sendPage(reply, workFormView(chromeFor(request, { title: 'Post New Work' }), page), status);
}

async function renderEditForm(request: FastifyRequest, reply: FastifyReply, workId: number, values: WorkFormValues | null, errors: Errors, status: number): Promise<FastifyReply> {
  const [editing, choices] = await Promise.all([workForEditing(request.ctx, workId), postingChoices(request.ctx)]);
  const page: WorkFormPage = {
    mode: 'edit',
    action: editUrl(workId),
    values: values ?? workValuesFromStored(editing),
    errors,
    pseuds: choices.pseuds.map((p) => ({ id: p.id, name: p.name })),
    series: choices.series.filter((s) => !editing.series.some((m) => m.seriesId === s.id)),
    memberships: editing.series.map((s) => ({ id: s.seriesId, title: s.title, position: s.position })),
    coCreatorStatus: editing.coCreators.map((c) => ({ name: c.pseud === c.login ? c.login : `${c.pseud} (${c.login})`, approved: c.approved })),
    chapterCount: editing.chapterCount,
    chaptersUrl: manageChaptersUrl(workId),
    buttons: editing.work.posted ? ['update'] : ['preview', 'draft', 'post'],
    cancelUrl: editing.work.posted ? workUrl(workId) : previewUrl(workId),
    maxUploadMb: Math.round(MAX_IMPORT_BYTES / (1024 * 1024)),
  };
  return sendPage(reply, workFormView(chromeFor(request, { title: `Edit ${editing.work.title}` }), page), status);
}

/** Where a saved work goes next: the preview, the drafts list, or the posted work. */
function afterSave(request: FastifyRequest, reply: FastifyReply, workId: number, commit: string, posted: boolean): FastifyReply {
  const login = request.ctx.actor.kind === 'user' ? request.ctx.actor.login : '';
  if (posted) return redirectTo(reply, workUrl(workId));
  if (commit === 'draft') return redirectTo(reply, `${draftsUrl(login)}?done=saved`);
  return redirectTo(reply, previewUrl(workId));
}

export async function registerPostingRoutes(app: App): Promise<void> {
  app.get('/works/new', async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return renderNewForm(request, reply, null, {}, 200);
  });

  app.post('/works', POSTING_ROUTE, async (request, reply) => {
    const form = await readPostedForm(request, reply, { upload: true });
    let values = workValuesFrom(form.fields);
    let doc: ImportedDocument | null = null;
    try {
      if (form.upload) {
        doc = await importUpload(request.ctx, form.upload);
        values = prefillFromImport(values, doc, form.upload.filename);
      }
      // An uploaded file is always previewed before it is posted.
      const commit = doc ? 'preview' : commitOf(form.fields);
      const { workId, posted } = await postNewWork(request.ctx, { work: newWorkInputFrom(values, doc), pseudIds: ids(all(form.fields, 'pseud_ids')), commit });
      return afterSave(request, reply, workId, commit, posted);
    } catch (error) {
      return renderNewForm(request, reply, values, formErrors(error), formStatus(error));
    }
  });

  app.get('/works/:id/edit', { schema: { params: WorkParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return renderEditForm(request, reply, request.params.id, null, {}, 200);
  });

  app.post('/works/:id/edit', { ...POSTING_ROUTE, schema: { params: WorkParams } }, async (request, reply) => {
    const form = await readPostedForm(request, reply, { upload: false });
    const values = workValuesFrom(form.fields);
    const commit = commitOf(form.fields);
    try {
      const hasText = form.fields.has('content');
      const { workId, posted } = await editWork(request.ctx, request.params.id, {
        work: detailsInputFrom(values),
        chapter: hasText ? { title: values.chapterTitle, html: newWorkInputFrom(values, null).chapters[0]!.html } : null,
        pseudIds: form.fields.has('pseud_ids') ? ids(all(form.fields, 'pseud_ids')) : undefined,
        leaveSeriesIds: ids(values.leaveSeries),
        commit,
      });
      return afterSave(request, reply, workId, commit, posted);
    } catch (error) {
      return renderEditForm(request, reply, request.params.id, values, formErrors(error), formStatus(error));
    }
  });

  app.get('/works/:id/preview', { schema: { params: WorkParams, querystring: Type.Object({ selected_id: Type.Optional(Id) }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const workId = request.params.id;
    if (request.query.selected_id !== undefined) return redirectTo(reply, `/works/${workId}/chapters/${request.query.selected_id}/preview`);
    return sendPreview(request, reply, workId, undefined);
  });

  app.post('/works/:id/post', { schema: { params: WorkParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    await postDraft(request.ctx, request.params.id);
    return redirectTo(reply, workUrl(request.params.id));
  });

  app.get('/users/:login/drafts', { schema: { params: LoginParams, querystring: Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })) }) } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    const cards = await listDrafts(request.ctx, request.params.login);
    const notice = request.query.done ? (DONE[request.query.done] ?? null) : null;
    return sendPage(
      reply,
      draftsView(chromeFor(request, { title: 'Drafts', notice }), {
        login: request.params.login,
        drafts: cards.map((c) => ({
          title: c.work.title,
          previewUrl: previewUrl(c.work.id),
          editUrl: editUrl(c.work.id),
          postAction: `/works/${c.work.id}/post`,
          deleteUrl: `/works/${c.work.id}/delete`,
          updatedAt: c.work.updatedAt,
        })),
      }),
    );
  });
}

/** The preview: the work page as readers will see it, with the draft's actions above it. */
export async function sendPreview(request: FastifyRequest, reply: FastifyReply, workId: number, chapterId: number | undefined): Promise<FastifyReply> {
  const preview = await previewWork(request.ctx, workId, chapterId);
  const page = presentWorkPage(preview);
  // Navigation stays inside the preview: draft chapters have no public address yet.
  page.work = { ...page.work, url: previewUrl(workId) };
  page.chapters = page.chapters.map((c) => ({ ...c, url: `/works/${workId}/chapters/${c.id}/preview` }));
  page.shown = page.shown.map((c) => ({ ...c, url: `/works/${workId}/chapters/${c.id}/preview` }));
  page.fullWorkUrl = previewUrl(workId);
  page.chapterByChapterUrl = page.chapters[0]?.url ?? previewUrl(workId);
  const index = chapterId === undefined ? -1 : page.chapters.findIndex((c) => c.id === chapterId);
  page.previous = index > 0 ? page.chapters[index - 1]! : null;
  page.next = index >= 0 && index < page.chapters.length - 1 ? page.chapters[index + 1]! : null;
  const login = request.ctx.actor.kind === 'user' ? request.ctx.actor.login : '';
  const chapter = chapterId === undefined ? null : preview.shown[0]!;
  const top = previewTop(chromeFor(request, { title: '' }), {
    kind: chapter && preview.posted ? 'chapter' : 'work',
    posted: chapter ? preview.posted && chapter.posted : preview.posted,
    editUrl: chapter && preview.posted ? `/works/${workId}/chapters/${chapter.id}/edit` : editUrl(workId),
    draftUrl: chapter && preview.posted ? manageChaptersUrl(workId) : `${draftsUrl(login)}?done=saved`,
    postAction: !preview.posted ? `/works/${workId}/post` : chapter && !chapter.posted ? `/works/${workId}/chapters/${chapter.id}/post` : null,
    draftChapters: preview.chapters.filter((c) => preview.draftChapterIds.includes(c.id)).map((c) => c.title || `Chapter ${c.position}`),
  });
  return sendPage(reply, workView(chromeFor(request, { title: `Preview: ${page.work.title}` }), page, { top }));
}
