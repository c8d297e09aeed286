// The JSON API's write side for works and chapters: POST, PATCH and DELETE, authorized by a
// personal API token (or a logged-in session with its CSRF token), under the same services,
// policies and validation as the posting form.
import { Type, type Static } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app-type.ts';
import { findChapter } from '../../db/repos/chapters.repo.ts';
import { NotFound } from '../../domain/errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import { findReadableWork } from '../../services/read-work.ts';
import { postNewWork } from '../../services/works/post-work.ts';
import { editWork, workForEditing } from '../../services/works/edit-work.ts';
import { deleteOwnWork } from '../../services/works/remove.ts';
import { addChapter, chapterForEditing, deleteChapter, editChapter } from '../../services/works/chapters.ts';
import type { WorkDetailsInput } from '../../services/work-input.ts';
import { presentChapterJson, presentWorkJson } from '../present/work-json.ts';
import { Id } from '../web/routes/params.ts';
import type { ChapterPatchSchema, ChapterWriteSchema, WorkPatchSchema } from './schemas.ts';
import { writeErrorResponses } from './schemas.ts';

type WorkPatch = Static<typeof WorkPatchSchema>;
type ChapterWrite = Static<typeof ChapterWriteSchema>;
type ChapterPatch = Static<typeof ChapterPatchSchema>;

const WorkParams = Type.Object({ id: Id });
const ChapterParams = Type.Object({ id: Id, chapterId: Id });
/** Writes are heavier than reads: a tighter per-address limit than the site-wide one. */
const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
/** A whole multi-chapter work may arrive in one request. */
const WORK_BODY_LIMIT = 12 * 1024 * 1024;

function detailsFrom(body: WorkPatch): Partial<WorkDetailsInput> {
  const out: Partial<WorkDetailsInput> = {};
  const copy = <K extends keyof WorkDetailsInput>(key: K, value: WorkDetailsInput[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  copy('title', body.title);
  copy('summaryHtml', body.summary);
  copy('notesHtml', body.notes);
  copy('endNotesHtml', body.endNotes);
  copy('language', body.language);
  copy('rating', body.rating);
  copy('warnings', body.warnings);
  copy('categories', body.categories);
  copy('fandoms', body.fandoms);
  copy('relationships', body.relationships);
  copy('characters', body.characters);
  copy('freeforms', body.freeforms);
  copy('expectedChapters', body.expectedChapters);
  copy('restricted', body.restricted);
  copy('anonymous', body.anonymous);
  copy('commentPermission', body.commentPermission);
  copy('moderatedComments', body.moderatedComments);
  copy('coCreators', body.coCreators);
  copy('series', body.series);
  if (body.postedAt !== undefined) out.postedAt = new Date(`${body.postedAt}T00:00:00.000Z`);
  return out;
}

const chapterInput = (c: ChapterWrite) => ({ title: c.title, html: c.content, summaryHtml: c.summary, notesHtml: c.notes, endNotesHtml: c.endNotes });

/** The work's current details, as the edit service expects them, for a partial update. */
async function currentDetails(ctx: ServiceContext, workId: number): Promise<WorkDetailsInput> {
  const { work, tags } = await workForEditing(ctx, workId);
  const names = (type: string) => tags.filter((t) => t.type === type).map((t) => t.name);
  return {
    title: work.title,
    summaryHtml: work.summary,
    notesHtml: work.notes,
    endNotesHtml: work.endNotes,
    language: work.language,
    rating: names('rating')[0],
    warnings: names('warning'),
    categories: names('category'),
    fandoms: names('fandom'),
    relationships: names('relationship'),
    characters: names('character'),
    freeforms: names('freeform'),
    expectedChapters: work.expectedChapters,
    restricted: work.restricted,
    anonymous: work.anonymous,
    commentPermission: work.commentPermission,
    moderatedComments: work.moderatedComments,
  };
}

async function workJson(request: FastifyRequest, workId: number) {
  return presentWorkJson(await findReadableWork(request.ctx, workId));
}

async function chapterJson(request: FastifyRequest, workId: number, chapterId: number) {
  const chapter = await findChapter(request.ctx.db, workId, chapterId);
  if (!chapter) throw new NotFound(`Work ${workId} has no chapter ${chapterId}.`);
  return presentChapterJson(workId, chapter);
}

const created = (reply: FastifyReply, location: string) => reply.code(201).header('location', location);

export async function registerWorkWriteApi(app: App): Promise<void> {
  app.post(
    '/api/v1/works',
    {
      bodyLimit: WORK_BODY_LIMIT,
      config: WRITE_LIMIT,
      schema: {
        tags: ['works'],
        summary: 'Post a new work (or save it as a draft)',
        description: 'Needs an API token (Authorization: Bearer owl_…). Same rules as the posting form: one rating, at least one warning and one fandom.',
        body: Type.Ref('WorkCreate'),
        response: { 201: Type.Ref('Work'), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof WorkPatchSchema> & { title: string; chapters: ChapterWrite[] };
      const { workId } = await postNewWork(request.ctx, {
        work: { title: body.title, ...detailsFrom(body), chapters: body.chapters.map(chapterInput) },
        commit: body.draft ? 'draft' : 'post',
      });
      created(reply, `/api/v1/works/${workId}`);
      return workJson(request, workId);
    },
  );

  app.patch(
    '/api/v1/works/:id',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['works'],
        summary: "Change a work's details and tags",
        description: 'Only the fields sent change. `"draft": false` posts a draft. Chapters have their own routes.',
        params: WorkParams,
        body: Type.Ref('WorkPatch'),
        response: { 200: Type.Ref('Work'), ...writeErrorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body as WorkPatch;
      const current = await currentDetails(request.ctx, id);
      const { work } = await workForEditing(request.ctx, id);
      await editWork(request.ctx, id, {
        work: { ...current, ...detailsFrom(body) },
        commit: work.posted || body.draft === false ? 'post' : 'draft',
      });
      return workJson(request, id);
    },
  );

  app.delete(
    '/api/v1/works/:id',
    { config: WRITE_LIMIT, schema: { tags: ['works'], summary: 'Delete a work', params: WorkParams, response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await deleteOwnWork(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/works/:id/chapters',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['works'],
        summary: 'Add a chapter',
        description: 'Posted at once unless `"draft": true`.',
        params: WorkParams,
        body: Type.Ref('ChapterCreate'),
        response: { 201: Type.Ref('Chapter'), ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body as ChapterWrite & { draft?: boolean; expectedChapters?: number | null };
      const { chapterId } = await addChapter(request.ctx, id, {
        chapter: chapterInput(body),
        ...(body.expectedChapters !== undefined ? { expectedChapters: body.expectedChapters } : {}),
        commit: body.draft ? 'draft' : 'post',
      });
      created(reply, `/api/v1/works/${id}/chapters/${chapterId}`);
      return chapterJson(request, id, chapterId);
    },
  );

  app.patch(
    '/api/v1/works/:id/chapters/:chapterId',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['works'],
        summary: 'Change a chapter',
        description: 'Only the fields sent change. `"draft": false` posts a draft chapter.',
        params: ChapterParams,
        body: Type.Ref('ChapterPatch'),
        response: { 200: Type.Ref('Chapter'), ...writeErrorResponses },
      },
    },
    async (request) => {
      const { id, chapterId } = request.params;
      const body = request.body as ChapterPatch;
      const { chapter } = await chapterForEditing(request.ctx, id, chapterId);
      await editChapter(request.ctx, id, chapterId, {
        chapter: {
          title: body.title ?? chapter.title,
          html: body.content ?? chapter.content,
          summaryHtml: body.summary ?? chapter.summary,
          notesHtml: body.notes ?? chapter.notes,
          endNotesHtml: body.endNotes ?? chapter.endNotes,
        },
        ...(body.expectedChapters !== undefined ? { expectedChapters: body.expectedChapters } : {}),
        commit: body.draft === false ? 'post' : 'draft',
      });
      return chapterJson(request, id, chapterId);
    },
  );

  app.delete(
    '/api/v1/works/:id/chapters/:chapterId',
    { config: WRITE_LIMIT, schema: { tags: ['works'], summary: 'Delete a chapter', params: ChapterParams, response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await deleteChapter(request.ctx, request.params.id, request.params.chapterId);
      return reply.code(204).send(null);
    },
  );
}
