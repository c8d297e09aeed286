// GET /api/v1/works, /api/v1/works/:id and /api/v1/works/:id/chapters.
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { findWorks } from '../../services/find-works.ts';
import { findReadableWork, readWork } from '../../services/read-work.ts';
import { presentChapterJson, presentFacets, presentWorkJson } from '../present/work-json.ts';
import { chapterNumbers } from '../present/work-page.ts';
import { errorResponses } from './schemas.ts';
import { Id } from '../web/routes/params.ts';

const Repeatable = (description: string) =>
  Type.Optional(Type.Array(Type.String({ maxLength: 150 }), { maxItems: 50, description: `${description} Repeatable.` }));
const Text = (description: string, maxLength = 60) => Type.Optional(Type.String({ maxLength, description }));

// The listing parameters of DESIGN.md ("Listing and search parameters"); parseWorkQuery checks
// their syntax and names the parameter of any mistake.
const ListQuery = Type.Object({
  q: Text('Full-text query: words, "phrases", -excluded, OR, and the field prefixes title: summary: notes: creator: tag:', 500),
  tag: Repeatable('A tag of any type the works must have (synonyms count as their canonical tag).'),
  exclude: Repeatable('A tag the works must not have.'),
  rating: Repeatable('A rating the works must have.'),
  warning: Repeatable('An archive warning the works must have.'),
  category: Repeatable('A category the works must have.'),
  fandom: Repeatable('A fandom the works must have.'),
  relationship: Repeatable('A relationship the works must have.'),
  character: Repeatable('A character the works must have.'),
  freeform: Repeatable('An additional tag the works must have.'),
  crossover: Text('`include` (default), `exclude` or `only`'),
  complete: Text('`true`: complete works only; `false`: works in progress only'),
  single_chapter: Text('`true`: one-chapter works only'),
  language: Text('A language code, e.g. `en`'),
  words: Text('Word count range: `1000-5000`, `>10000`, `<500`'),
  posted: Text('Posted date: `2024-01-01..2024-06-30`, `<2 weeks ago`, `>1 year ago`'),
  updated: Text('Updated date, as `posted`'),
  hits: Text('Range in AO3 syntax: `>100`, `10-50`'),
  kudos: Text('Range in AO3 syntax'),
  comments: Text('Range in AO3 syntax'),
  bookmarks: Text('Range in AO3 syntax'),
  sort: Text('best, creator, title, posted, updated, words, hits, kudos, comments or bookmarks'),
  order: Text('asc or desc'),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Works per page (1–100)' })),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'The `next` value of the previous page' })),
});

export async function registerWorkApi(app: App): Promise<void> {
  app.get(
    '/api/v1/works',
    {
      schema: {
        tags: ['works'],
        summary: 'Find works: filters, full-text search, sorts',
        description:
          'The works the caller may see that match the filters and the full-text query `q`, in the chosen order (default: best match with `q`, else last updated first), with cursor pagination, the total and facet counts (the ten most frequent tags of each type among all matching works). With `q`, each work carries `match`: a highlighted passage from the chapter that matched.',
        querystring: ListQuery,
        response: { 200: Type.Ref('WorkList'), ...errorResponses },
      },
    },
    async (request) => {
      const { limit = 20, cursor, ...params } = request.query;
      const found = await findWorks(request.ctx, { params, limit, cursor: cursor ?? null, facetsPerType: 10 });
      const works = found.cards.map((card) => {
        const snippet = found.snippets.get(card.work.id);
        return snippet ? { ...presentWorkJson(card), match: snippet } : presentWorkJson(card);
      });
      return { total: found.total, works, facets: presentFacets(found.facets), next: found.next };
    },
  );

  app.get(
    '/api/v1/works/:id',
    {
      schema: {
        tags: ['works'],
        summary: 'One work',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Ref('Work'), ...errorResponses },
      },
    },
    async (request) => presentWorkJson(await findReadableWork(request.ctx, request.params.id)),
  );

  app.get(
    '/api/v1/works/:id/chapters',
    {
      schema: {
        tags: ['works'],
        summary: "A work's posted chapters, in order, with their text",
        params: Type.Object({ id: Id }),
        response: { 200: Type.Object({ workId: Type.Integer(), chapters: Type.Array(Type.Ref('Chapter')) }), ...errorResponses },
      },
    },
    async (request) => {
      const reading = await readWork(request.ctx, request.params.id, { full: true });
      // Numbered as the reader sees them: a draft between posted chapters leaves no gap.
      const numbers = chapterNumbers(reading);
      return { workId: request.params.id, chapters: reading.shown.map((c) => presentChapterJson(request.params.id, c, numbers.get(c.id))) };
    },
  );
}
