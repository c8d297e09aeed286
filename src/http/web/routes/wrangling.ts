// The tag wranglers' pages (AO3's "Tag Wrangling"): the home with the per-fandom queues, a
// fandom's queue with mass actions, one tag's wrangling page with a form per change, and the
// audit log for admins. Routes only validate and present: every service called here decides who
// may wrangle (services/wrangling/guard.ts), so guests are asked to log in and others get a 403.
import { Type } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app-type.ts';
import { isAppError } from '../../../domain/errors.ts';
import { tagFromParam } from '../../../domain/tag-name.ts';
import { TAG_TYPE_LABELS } from '../../../domain/tag-types.ts';
import { allowedParentTypes, WRANGLEABLE_TYPES } from '../../../domain/wrangling-rules.ts';
import type { TagRecord } from '../../../db/repos/tags.repo.ts';
import { wrangle, wrangleMany, type WrangleAction, type WrangleResult } from '../../../services/wrangling/wrangle.ts';
import { fandomWranglingQueue, QUEUE_PAGE, QUEUE_TYPES, tagForWrangling, wranglingHome, wranglingLog } from '../../../services/wrangling/queues.ts';
import { tagUrl } from '../../present/urls.ts';
import { chromeFor, sendPage } from '../render.ts';
import { redirectTo, safeReturnPath } from '../forms.ts';
import { paginate } from '../pagination.ts';
import { formatNumber } from '../views/components/date.ts';
import { recentRecomputeJobs } from '../../../services/wrangling/recompute.ts';
import { wranglingHomeView, wranglingQueueView, type QueueType } from '../views/wrangling.ts';
import { wrangleTagView, type WrangleForm, type WrangleLink } from '../views/wrangling-tag.ts';
import { describeChanges, wranglingLogView } from '../views/wrangling-log.ts';
import { fandomQueueUrl, tagWrangleUrl, wranglingHomeUrl, wranglingLogUrl, type MassAction, type MassChoices } from '../views/wrangling-shared.ts';
import { PageQuery } from './params.ts';

const Name = Type.String({ maxLength: 500 });
const TagParams = Type.Object({ tag: Type.String({ minLength: 1, maxLength: 500 }) });
const ReturnTo = Type.Optional(Type.String({ maxLength: 500 }));
const Op = Type.Union([Type.Literal('add'), Type.Literal('remove')]);
const Flag = Type.Optional(Type.Literal('true'));
/** ?done= with the refiltering outcome, after a redirect: numbers and fixed keys only. */
const DoneQuery = {
  done: Type.Optional(Type.String({ maxLength: 30 })),
  n: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
  job: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
};
const QueueTypeSchema = Type.Union([Type.Literal('character'), Type.Literal('relationship'), Type.Literal('freeform')]);
const MassActionSchema = Type.Union([Type.Literal('canonical'), Type.Literal('merge'), Type.Literal('parent'), Type.Literal('unwrangleable')]);

/** Fixed messages for ?done=; nothing typed into a form is echoed after a redirect. */
const DONE: Record<string, string> = {
  canonical: 'The tag is now canonical.',
  'not-canonical': 'The tag is no longer canonical.',
  merged: 'The tag is now a synonym of its canonical tag.',
  unmerged: 'The synonym link was removed.',
  'parent-added': 'The parent link was added.',
  'parent-removed': 'The parent link was removed.',
  'meta-added': 'The meta tag link was added.',
  'meta-removed': 'The meta tag link was removed.',
  unwrangleable: 'The tag is marked unwrangleable.',
  wrangleable: 'The tag is no longer marked unwrangleable.',
  unchanged: 'Nothing needed changing: the tag already was that way.',
  mass: 'The selected tags were wrangled.',
  'mass-unchanged': 'Nothing needed changing: the selected tags already were that way.',
};

interface DoneParams {
  done?: string | undefined;
  n?: number | undefined;
  job?: number | undefined;
}

/** The notice for a page reached after a redirect; `jobBelow` when the page shows the job. */
function noticeFor(q: DoneParams, jobBelow: boolean): string | null {
  const base = q.done ? DONE[q.done] : undefined;
  if (!base) return null;
  const parts = [base];
  if (q.n) parts.push(q.n === 1 ? '1 work refiltered.' : `${formatNumber(q.n)} works refiltered.`);
  if (q.job) parts.push(jobBelow ? 'A background job is refiltering the works: see its progress below.' : `Background job #${q.job} is refiltering the works.`);
  return parts.join(' ');
}

/** `path` with ?done=… (and the refiltering outcome) replacing any earlier ones. */
function withDone(path: string, done: string, outcome?: Pick<WrangleResult, 'recomputed' | 'jobId'>): string {
  const url = new URL(path, 'http://owlery.invalid');
  for (const key of ['done', 'n', 'job']) url.searchParams.delete(key);
  url.searchParams.set('done', done);
  if (outcome?.recomputed) url.searchParams.set('n', String(outcome.recomputed));
  if (outcome?.jobId) url.searchParams.set('job', String(outcome.jobId));
  return `${url.pathname}${url.search}`;
}

/**
 * The message of a wrangling refusal, for the form that asked. A tag named in a form that does not
 * exist is a mistake in the form (422), like any Invalid; the page's own tag missing is a 404
 * (`ownTagMissingIs404`), and anything else goes to the error handler.
 */
function refusal(error: unknown, ownTagMissingIs404: boolean): string {
  if (isAppError(error)) {
    if (error.code === 'invalid' || error.code === 'conflict') return error.message;
    if (error.code === 'not_found' && !(ownTagMissingIs404 && error.details && 'tag' in error.details)) return error.message;
  }
  throw error;
}

const link = (tag: TagRecord): WrangleLink => ({ name: tag.name, url: tagWrangleUrl(tag.name), typeLabel: TAG_TYPE_LABELS[tag.type].one });

interface TagExtra {
  errors?: Record<string, string>;
  values?: Partial<Record<'merge' | 'parent' | 'meta', string>>;
  query?: DoneParams;
}

async function renderTag(request: FastifyRequest, reply: FastifyReply, name: string, extra: TagExtra = {}, status = 200): Promise<FastifyReply> {
  const found = await tagForWrangling(request.ctx, name);
  const { tag, relations } = found;
  const { unwrangleable } = found;
  const q = extra.query ?? {};
  const parentTypes = allowedParentTypes(tag.type).map((t) => TAG_TYPE_LABELS[t].one);
  const page = wrangleTagView(chromeFor(request, { title: `Wrangle ${tag.name}`, notice: noticeFor(q, Boolean(q.job)) }), {
    name: tag.name,
    typeLabel: TAG_TYPE_LABELS[tag.type].one,
    tagUrl: tagUrl(tag.name),
    url: tagWrangleUrl(tag.name),
    wrangleable: WRANGLEABLE_TYPES.has(tag.type),
    canonical: tag.canonical,
    unwrangleable,
    mergedInto: relations.mergedInto ? link(relations.mergedInto) : null,
    synonyms: relations.synonyms.map(link),
    parents: relations.parents.map(link),
    children: relations.children.map(link),
    metaTags: relations.metaTags.map(link),
    subTags: relations.subTags.map(link),
    parentTypes: parentTypes.length > 0 ? parentTypes.join(' or ') : null,
    errors: extra.errors ?? {},
    values: { merge: extra.values?.merge ?? relations.mergedInto?.name ?? '', parent: extra.values?.parent ?? '', meta: extra.values?.meta ?? '' },
    recompute: q.n || q.job ? { recomputed: q.n ?? 0, jobId: q.job ?? null } : null,
  });
  return sendPage(reply, page, status);
}

interface MassExtra {
  errors?: Record<string, string>;
  choices?: MassChoices | null;
  lookup?: string;
  query?: DoneParams;
}

async function renderHome(request: FastifyRequest, reply: FastifyReply, extra: MassExtra = {}, status = 200): Promise<FastifyReply> {
  const [home, jobs] = await Promise.all([wranglingHome(request.ctx), recentRecomputeJobs(request.ctx)]);
  const page = wranglingHomeView(chromeFor(request, { title: 'Tag Wrangling', notice: noticeFor(extra.query ?? {}, false) }), {
    fandoms: home.fandoms.map((f) => ({ name: f.name, unwrangled: f.unwrangled, queueUrl: fandomQueueUrl(f.name) })),
    unwrangledFandoms: home.unwrangledFandoms.map((f) => ({ name: f.name, uses: f.uses })),
    lookup: extra.lookup ?? '',
    errors: extra.errors ?? {},
    choices: extra.choices ?? null,
    jobs: jobs.map((j) => ({ id: j.id, status: j.status, progress: j.progress, total: j.total, createdAt: j.createdAt })),
  });
  return sendPage(reply, page, status);
}

async function renderQueue(request: FastifyRequest, reply: FastifyReply, fandomName: string, type: QueueType, pageNumber: number, extra: MassExtra = {}, status = 200): Promise<FastifyReply> {
  const { fandom, tags } = await fandomWranglingQueue(request.ctx, fandomName, type, pageNumber);
  const typeLabel = TAG_TYPE_LABELS[type].many;
  const first = (pageNumber - 1) * QUEUE_PAGE + 1;
  const page = wranglingQueueView(chromeFor(request, { title: `${typeLabel} - ${fandom.name} - Tag Wrangling`, notice: noticeFor(extra.query ?? {}, false) }), {
    fandom: fandom.name,
    fandomWrangleUrl: tagWrangleUrl(fandom.name),
    type,
    typeLabel,
    tabs: QUEUE_TYPES.map((t) => ({ label: TAG_TYPE_LABELS[t].many, url: fandomQueueUrl(fandom.name, t), current: t === type })),
    tags: tags.map((t) => ({ name: t.name, uses: t.uses })),
    // The queue is not counted, so "next" is offered while pages come back full.
    pagination: {
      previousUrl: pageNumber > 1 ? fandomQueueUrl(fandom.name, type, pageNumber - 1) : null,
      nextUrl: tags.length === QUEUE_PAGE ? fandomQueueUrl(fandom.name, type, pageNumber + 1) : null,
      summary: tags.length === 0 ? 'No tags on this page' : `Tags ${formatNumber(first)}–${formatNumber(first + tags.length - 1)}`,
    },
    returnTo: fandomQueueUrl(fandom.name, type, pageNumber),
    errors: extra.errors ?? {},
    choices: extra.choices ?? null,
  });
  return sendPage(reply, page, status);
}

/** The page a mass form came from, to show it again with the error: a fandom's queue, or the home. */
async function renderMassOrigin(request: FastifyRequest, reply: FastifyReply, returnTo: string, extra: MassExtra): Promise<FastifyReply> {
  const url = new URL(returnTo, 'http://owlery.invalid');
  const match = /^\/tags\/wrangle\/([^/]+)$/.exec(url.pathname);
  const fandom = match ? decodedTag(match[1]!) : null;
  if (fandom) {
    const typeParam = url.searchParams.get('type');
    const type: QueueType = typeParam === 'relationship' || typeParam === 'freeform' ? typeParam : 'character';
    const pageNumber = Math.min(Math.max(Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1, 1), 10_000);
    return renderQueue(request, reply, fandom, type, pageNumber, extra, 422);
  }
  return renderHome(request, reply, extra, 422);
}

/** The tag name in a path segment, or null for a malformed escape. */
function decodedTag(segment: string): string | null {
  try {
    return tagFromParam(decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/** The tag a same-site path is the wrangling page of, if it is one. */
function tagOfWranglePage(path: string): string | null {
  const match = /^\/tags\/([^/?#]+)\/wrangle(?:[?#]|$)/.exec(path);
  return match ? decodedTag(match[1]!) : null;
}

export async function registerWranglingRoutes(app: App): Promise<void> {
  app.get('/tags/wrangle', { schema: { querystring: Type.Object({ tag: Type.Optional(Name), ...DoneQuery }) } }, async (request, reply) => {
    const lookup = request.query.tag?.trim() ?? '';
    if (lookup) {
      try {
        const { tag } = await tagForWrangling(request.ctx, lookup);
        return redirectTo(reply, tagWrangleUrl(tag.name));
      } catch (error) {
        if (!isAppError(error) || error.code !== 'not_found') throw error;
        return renderHome(request, reply, { lookup, errors: { lookup: `There is no tag "${lookup}".` } }, 404);
      }
    }
    return renderHome(request, reply, { query: request.query });
  });

  app.get(
    '/tags/wrangle/:fandom',
    {
      schema: {
        params: Type.Object({ fandom: Type.String({ minLength: 1, maxLength: 500 }) }),
        querystring: Type.Object({ type: Type.Optional(QueueTypeSchema), ...PageQuery.properties, ...DoneQuery }),
      },
    },
    async (request, reply) =>
      renderQueue(request, reply, tagFromParam(request.params.fandom), request.query.type ?? 'character', request.query.page ?? 1, { query: request.query }),
  );

  // One form for every mass action, from the home and from each queue (AO3's mass wrangling).
  app.post(
    '/tags/wrangle/mass',
    {
      schema: {
        body: Type.Object({
          tags: Type.Optional(Type.Array(Name, { maxItems: 500 })),
          action: Type.Optional(MassActionSchema),
          merge_target: Type.Optional(Name),
          parent_target: Type.Optional(Name),
          return_to: ReturnTo,
        }),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const returnTo = safeReturnPath(body.return_to, wranglingHomeUrl);
      const choices: MassChoices = { tags: body.tags ?? [], action: body.action ?? null, mergeTarget: body.merge_target?.trim() ?? '', parentTarget: body.parent_target?.trim() ?? '' };
      const action: MassAction | null = choices.action;
      const errors: Record<string, string> = {};
      if (choices.tags.length === 0) errors.tags = 'Choose at least one tag.';
      if (!action) errors.action = 'Choose what to do with the selected tags.';
      if (action === 'merge' && !choices.mergeTarget) errors.merge_target = 'Enter the canonical tag to merge the selected tags into.';
      if (action === 'parent' && !choices.parentTarget) errors.parent_target = 'Enter the parent tag to add to the selected tags.';
      if (!action || Object.keys(errors).length > 0) return renderMassOrigin(request, reply, returnTo, { errors, choices });

      const make = (tag: string): WrangleAction => {
        switch (action) {
          case 'canonical':
            return { kind: 'canonical', tag, canonical: true };
          case 'merge':
            return { kind: 'merge', tag, into: choices.mergeTarget };
          case 'parent':
            return { kind: 'parent', tag, parent: choices.parentTarget, add: true };
          case 'unwrangleable':
            return { kind: 'unwrangleable', tag, value: true };
        }
      };
      try {
        const result = await wrangleMany(request.ctx, choices.tags, make);
        return redirectTo(reply, withDone(returnTo, result.changed ? 'mass' : 'mass-unchanged', result));
      } catch (error) {
        const message = refusal(error, false);
        const key = isAppError(error) && error.details?.tags ? 'tags' : action === 'merge' ? 'merge_target' : action === 'parent' ? 'parent_target' : '_';
        return renderMassOrigin(request, reply, returnTo, { errors: { [key]: message }, choices });
      }
    },
  );

  app.get('/tags/:tag/wrangle', { schema: { params: TagParams, querystring: Type.Object(DoneQuery) } }, async (request, reply) =>
    renderTag(request, reply, tagFromParam(request.params.tag), { query: request.query }),
  );

  /**
   * One action on the tag in the path; back to `return_to` (this tag's page unless another tag's
   * page sent it, as its "Remove" buttons do) with a fixed notice, or that page again with the error.
   */
  const single = async (
    request: FastifyRequest<{ Params: { tag: string }; Body: { return_to?: string | undefined } }>,
    reply: FastifyReply,
    form: WrangleForm,
    values: TagExtra['values'],
    action: WrangleAction,
    done: string,
  ): Promise<FastifyReply> => {
    const own = tagWrangleUrl(action.tag);
    const returnTo = safeReturnPath(request.body.return_to, own);
    try {
      const result = await wrangle(request.ctx, action);
      return redirectTo(reply, withDone(returnTo, result.changed ? done : 'unchanged', result));
    } catch (error) {
      const message = refusal(error, true);
      const shown = tagOfWranglePage(returnTo) ?? action.tag;
      return renderTag(request, reply, shown, { errors: { [shown === action.tag ? form : '_']: message }, values }, 422);
    }
  };

  /** A field naming another tag must not be empty: the service would only say it cannot find "". */
  const emptyField = (request: FastifyRequest, reply: FastifyReply, tag: string, form: WrangleForm, message: string) =>
    renderTag(request, reply, tag, { errors: { [form]: message } }, 422);

  app.post(
    '/tags/:tag/wrangle/canonical',
    { schema: { params: TagParams, body: Type.Object({ canonical: Flag, return_to: ReturnTo }) } },
    async (request, reply) => {
      const canonical = request.body.canonical === 'true';
      return single(request, reply, 'canonical', {}, { kind: 'canonical', tag: tagFromParam(request.params.tag), canonical }, canonical ? 'canonical' : 'not-canonical');
    },
  );

  app.post('/tags/:tag/wrangle/merge', { schema: { params: TagParams, body: Type.Object({ into: Name, return_to: ReturnTo }) } }, async (request, reply) => {
    const tag = tagFromParam(request.params.tag);
    const into = request.body.into.trim();
    if (!into) return emptyField(request, reply, tag, 'merge', 'Enter the canonical tag this tag means the same as.');
    return single(request, reply, 'merge', { merge: request.body.into }, { kind: 'merge', tag, into }, 'merged');
  });

  app.post('/tags/:tag/wrangle/unmerge', { schema: { params: TagParams, body: Type.Object({ return_to: ReturnTo }) } }, async (request, reply) =>
    single(request, reply, 'merge', {}, { kind: 'unmerge', tag: tagFromParam(request.params.tag) }, 'unmerged'),
  );

  app.post('/tags/:tag/wrangle/parents', { schema: { params: TagParams, body: Type.Object({ parent: Name, op: Op, return_to: ReturnTo }) } }, async (request, reply) => {
    const tag = tagFromParam(request.params.tag);
    const add = request.body.op === 'add';
    const parent = request.body.parent.trim();
    if (!parent) return emptyField(request, reply, tag, 'parent', 'Enter the parent tag to add.');
    return single(request, reply, 'parent', add ? { parent: request.body.parent } : {}, { kind: 'parent', tag, parent, add }, add ? 'parent-added' : 'parent-removed');
  });

  app.post('/tags/:tag/wrangle/meta', { schema: { params: TagParams, body: Type.Object({ meta: Name, op: Op, return_to: ReturnTo }) } }, async (request, reply) => {
    const tag = tagFromParam(request.params.tag);
    const add = request.body.op === 'add';
    const meta = request.body.meta.trim();
    if (!meta) return emptyField(request, reply, tag, 'meta', 'Enter the meta tag to add.');
    return single(request, reply, 'meta', add ? { meta: request.body.meta } : {}, { kind: 'meta', tag, meta, add }, add ? 'meta-added' : 'meta-removed');
  });

  app.post(
    '/tags/:tag/wrangle/unwrangleable',
    { schema: { params: TagParams, body: Type.Object({ unwrangleable: Flag, return_to: ReturnTo }) } },
    async (request, reply) => {
      const value = request.body.unwrangleable === 'true';
      return single(request, reply, 'unwrangleable', {}, { kind: 'unwrangleable', tag: tagFromParam(request.params.tag), value }, value ? 'unwrangleable' : 'wrangleable');
    },
  );

  app.get('/admin/wrangling-log', { schema: { querystring: PageQuery } }, async (request, reply) => {
    const pageNumber = request.query.page ?? 1;
    const perPage = 50;
    const { entries, total } = await wranglingLog(request.ctx, pageNumber, perPage);
    return sendPage(
      reply,
      wranglingLogView(chromeFor(request, { title: 'Wrangling log' }), {
        entries: entries.map((e) => ({
          at: e.createdAt,
          actor: e.actor,
          action: e.action,
          tagName: e.tagName,
          tagUrl: tagWrangleUrl(e.tagName),
          changes: describeChanges(e.before, e.after),
        })),
        pagination: paginate(wranglingLogUrl, pageNumber, perPage, entries.length, total, 'entries'),
      }),
    );
  });
}
