// A work's chapters, for its creators (AO3's chapters/new, edit, manage): add, edit, post a draft
// chapter, delete, and reorder. Guests are sent to log in; the services decide who may change
// what. The chapter form is multipart like the work form (long texts), so it checks its own token.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { addChapter, chapterForEditing, chaptersForManaging, deleteChapter, editChapter, postChapter, reorderChapters } from '../../../services/works/chapters.ts';
import { paragraphsFromText } from '../../../services/works/rich-text.ts';
import { storedChapterLabel } from '../../present/work-page.ts';
import { chapterUrl, workUrl } from '../../present/urls.ts';
import { chromeFor, sendPage } from '../render.ts';
import { formErrors, formStatus, loginRedirect, redirectTo } from '../forms.ts';
import { chapterFormView, manageChaptersView, type ChapterFormValues } from '../views/posting-chapters.ts';
import { Id, WorkParams } from './params.ts';
import { commitOf, optionalInt, POSTING_ROUTE, readPostedForm, text, type FormFields } from './posting-form.ts';
import { editUrl, manageChaptersUrl, sendPreview } from './posting.ts';

const ChapterParams = Type.Object({ id: Id, chapterId: Id });
const chapterBase = (workId: number, chapterId: number) => `/works/${workId}/chapters/${chapterId}`;

function chapterValues(fields: FormFields): ChapterFormValues {
  return {
    title: text(fields, 'title'),
    summary: text(fields, 'summary'),
    notes: text(fields, 'notes'),
    endNotes: text(fields, 'end_notes'),
    content: text(fields, 'content'),
    expectedChapters: text(fields, 'expected_chapters'),
  };
}

function chapterInput(v: ChapterFormValues) {
  return {
    chapter: { title: v.title, html: paragraphsFromText(v.content), summaryHtml: paragraphsFromText(v.summary), notesHtml: paragraphsFromText(v.notes), endNotesHtml: paragraphsFromText(v.endNotes) },
    expectedChapters: optionalInt(v.expectedChapters),
  };
}

async function renderNew(request: FastifyRequest, reply: FastifyReply, workId: number, values: ChapterFormValues | null, errors: Record<string, string>, status = 200): Promise<FastifyReply> {
  const { work, chapters } = await chaptersForManaging(request.ctx, workId);
  const position = chapters.length + 1;
  const page = chapterFormView(chromeFor(request, { title: `New chapter - ${work.title}` }), {
    workTitle: work.title,
    workUrl: work.posted ? workUrl(workId) : `/works/${workId}/preview`,
    heading: `Chapter ${position}`,
    position,
    action: `/works/${workId}/chapters`,
    values: values ?? { title: '', summary: '', notes: '', endNotes: '', content: '', expectedChapters: work.expectedChapters === null ? '' : String(Math.max(work.expectedChapters, position)) },
    errors,
    buttons: ['preview', 'draft', 'post'],
    cancelUrl: manageChaptersUrl(workId),
    manageUrl: manageChaptersUrl(workId),
  });
  return sendPage(reply, page, status);
}

async function renderEdit(request: FastifyRequest, reply: FastifyReply, workId: number, chapterId: number, values: ChapterFormValues | null, errors: Record<string, string>, status = 200): Promise<FastifyReply> {
  const { work, chapter } = await chapterForEditing(request.ctx, workId, chapterId);
  const page = chapterFormView(chromeFor(request, { title: `Edit ${storedChapterLabel(chapter)} - ${work.title}` }), {
    workTitle: work.title,
    workUrl: work.posted ? workUrl(workId) : `/works/${workId}/preview`,
    heading: `Edit Chapter ${chapter.position}`,
    position: chapter.position,
    action: chapterBase(workId, chapterId),
    values: values ?? { title: chapter.title, summary: chapter.summary, notes: chapter.notes, endNotes: chapter.endNotes, content: chapter.content, expectedChapters: work.expectedChapters === null ? '' : String(work.expectedChapters) },
    errors,
    buttons: chapter.posted && work.posted ? ['update'] : ['preview', 'draft', 'post'],
    cancelUrl: manageChaptersUrl(workId),
    manageUrl: manageChaptersUrl(workId),
  });
  return sendPage(reply, page, status);
}

/** After saving a chapter: its public page when posted, its preview, or the chapter list. */
function afterSave(reply: FastifyReply, workId: number, chapterId: number, commit: string, posted: boolean): FastifyReply {
  if (posted) return redirectTo(reply, chapterUrl(workId, chapterId));
  if (commit === 'draft') return redirectTo(reply, manageChaptersUrl(workId));
  return redirectTo(reply, `${chapterBase(workId, chapterId)}/preview`);
}

async function renderManage(request: FastifyRequest, reply: FastifyReply, workId: number, errors: Record<string, string> = {}, positions: Record<string, string> = {}, status = 200): Promise<FastifyReply> {
  const { work, chapters } = await chaptersForManaging(request.ctx, workId);
  const page = manageChaptersView(chromeFor(request, { title: `Chapters - ${work.title}` }), {
    workTitle: work.title,
    workUrl: work.posted ? workUrl(workId) : `/works/${workId}/preview`,
    editWorkUrl: editUrl(workId),
    newChapterUrl: `/works/${workId}/chapters/new`,
    reorderAction: `/works/${workId}/chapters/reorder`,
    chapters: chapters.map((c) => ({
      id: c.id,
      position: c.position,
      label: storedChapterLabel(c),
      posted: c.posted && work.posted,
      wordCount: c.wordCount,
      editUrl: `${chapterBase(workId, c.id)}/edit`,
      previewUrl: `${chapterBase(workId, c.id)}/preview`,
      postAction: work.posted ? `${chapterBase(workId, c.id)}/post` : `/works/${workId}/post`,
      deleteAction: `${chapterBase(workId, c.id)}/delete`,
    })),
    errors,
    positions,
  });
  return sendPage(reply, page, status);
}

export async function registerChapterRoutes(app: App): Promise<void> {
  app.get('/works/:id/chapters/new', { schema: { params: WorkParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return renderNew(request, reply, request.params.id, null, {});
  });

  app.post('/works/:id/chapters', { ...POSTING_ROUTE, schema: { params: WorkParams } }, async (request, reply) => {
    const form = await readPostedForm(request, reply, { upload: false });
    const values = chapterValues(form.fields);
    const commit = commitOf(form.fields);
    try {
      const { chapterId, posted } = await addChapter(request.ctx, request.params.id, { ...chapterInput(values), commit });
      return afterSave(reply, request.params.id, chapterId, commit, posted);
    } catch (error) {
      return renderNew(request, reply, request.params.id, values, formErrors(error), formStatus(error));
    }
  });

  app.get('/works/:id/chapters/manage', { schema: { params: WorkParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return renderManage(request, reply, request.params.id);
  });

  app.post(
    '/works/:id/chapters/reorder',
    { schema: { params: WorkParams, body: Type.Record(Type.String({ maxLength: 30 }), Type.Union([Type.String({ maxLength: 200 }), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 })]), { maxProperties: 1_100 }) } },
    async (request, reply) => {
      if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
      const positions = new Map<number, number>();
      const typed: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.body)) {
        const match = /^position_(\d{1,10})$/.exec(key);
        if (!match) continue;
        const raw = Array.isArray(value) ? (value[0] ?? '') : value;
        typed[match[1]!] = raw;
        positions.set(Number(match[1]), optionalInt(raw) ?? Number.NaN);
      }
      try {
        await reorderChapters(request.ctx, request.params.id, positions);
        return redirectTo(reply, manageChaptersUrl(request.params.id));
      } catch (error) {
        return renderManage(request, reply, request.params.id, formErrors(error), typed, formStatus(error));
      }
    },
  );

  app.get('/works/:id/chapters/:chapterId/edit', { schema: { params: ChapterParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return renderEdit(request, reply, request.params.id, request.params.chapterId, null, {});
  });

  app.post('/works/:id/chapters/:chapterId', { ...POSTING_ROUTE, schema: { params: ChapterParams } }, async (request, reply) => {
    const form = await readPostedForm(request, reply, { upload: false });
    const values = chapterValues(form.fields);
    const commit = commitOf(form.fields);
    const { id, chapterId } = request.params;
    try {
      const { posted } = await editChapter(request.ctx, id, chapterId, { ...chapterInput(values), commit });
      return afterSave(reply, id, chapterId, commit, posted);
    } catch (error) {
      return renderEdit(request, reply, id, chapterId, values, formErrors(error), formStatus(error));
    }
  });

  app.get('/works/:id/chapters/:chapterId/preview', { schema: { params: ChapterParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    return sendPreview(request, reply, request.params.id, request.params.chapterId);
  });

  app.post('/works/:id/chapters/:chapterId/post', { schema: { params: ChapterParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    await postChapter(request.ctx, request.params.id, request.params.chapterId);
    return redirectTo(reply, chapterUrl(request.params.id, request.params.chapterId));
  });

  app.post('/works/:id/chapters/:chapterId/delete', { schema: { params: ChapterParams } }, async (request, reply) => {
    if (request.ctx.actor.kind !== 'user') return loginRedirect(request, reply);
    try {
      await deleteChapter(request.ctx, request.params.id, request.params.chapterId);
      return redirectTo(reply, manageChaptersUrl(request.params.id));
    } catch (error) {
      return renderManage(request, reply, request.params.id, formErrors(error), {}, formStatus(error));
    }
  });
}
