// TypeBox schemas for the JSON API v1. They validate requests, shape responses (fields not in a
// schema are never serialized) and generate /api/v1/openapi.json.
import { Type } from 'typebox';
import { TAG_TYPES } from '../../domain/tag-types.ts';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. not_found' }),
      message: Type.String({ description: 'What went wrong, for people' }),
      details: Type.Optional(Type.Record(Type.String(), Type.String(), { description: 'Problems by field' })),
      requestId: Type.Optional(Type.String({ description: 'Quote it when reporting a server error' })),
    }),
  },
  { $id: 'Error', description: 'An error answer' },
);

const TagType = Type.Union(TAG_TYPES.map((t) => Type.Literal(t)), { description: 'Tag type' });

export const CreatorSchema = Type.Object({
  pseud: Type.String({ description: 'The name the work is credited to' }),
  login: Type.String({ description: 'The account that owns the pseud' }),
  url: Type.String({ description: 'Path of the creator page' }),
});

export const SeriesRefSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  position: Type.Integer({ description: 'Position of the work in the series' }),
  url: Type.String(),
});

const MatchSchema = Type.Object(
  {
    chapterId: Type.Integer(),
    chapterPosition: Type.Integer({ description: '1-based chapter number' }),
    html: Type.String({ description: 'The matching passage: escaped text with the matched words in <mark> elements' }),
  },
  { description: 'Where the full-text query matched (only with `q`)' },
);

export const WorkSchema = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String({ description: 'Path of the work page' }),
    title: Type.String(),
    summary: Type.String({ description: 'Sanitized HTML' }),
    language: Type.String({ description: 'Language code (ISO 639-1 or BCP 47)' }),
    rating: Type.Union([Type.String(), Type.Null()]),
    warnings: Type.Array(Type.String()),
    categories: Type.Array(Type.String()),
    fandoms: Type.Array(Type.String()),
    relationships: Type.Array(Type.String()),
    characters: Type.Array(Type.String()),
    freeforms: Type.Array(Type.String(), { description: 'Additional tags' }),
    creators: Type.Array(CreatorSchema, { description: 'Empty for anonymous works' }),
    anonymous: Type.Boolean(),
    series: Type.Array(SeriesRefSchema),
    wordCount: Type.Integer({ description: "Words in posted chapters, counted by AO3's rules" }),
    chapterCount: Type.Integer({ description: 'Posted chapters' }),
    expectedChapters: Type.Union([Type.Integer(), Type.Null()], { description: 'null when unknown (shown as n/?)' }),
    complete: Type.Boolean(),
    posted: Type.Boolean({ description: 'false for a draft (only its creators ever see one)' }),
    restricted: Type.Boolean({ description: 'Visible to logged-in users only' }),
    postedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    stats: Type.Object({ hits: Type.Integer(), kudos: Type.Integer(), comments: Type.Integer(), bookmarks: Type.Integer() }),
    match: Type.Optional(MatchSchema),
  },
  { $id: 'Work', description: 'A work as readers see it' },
);

export const FacetSchema = Type.Array(Type.Object({ name: Type.String(), count: Type.Integer() }));

export const WorkListSchema = Type.Object(
  {
    total: Type.Integer({ description: 'Works matching the query that the caller may see' }),
    works: Type.Array(Type.Ref('Work')),
    facets: Type.Record(Type.String(), FacetSchema, { description: 'Counts per tag type for the matching works' }),
    next: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page' }),
  },
  { $id: 'WorkList' },
);

export const ChapterSchema = Type.Object(
  {
    id: Type.Integer(),
    position: Type.Integer(),
    title: Type.String(),
    url: Type.String(),
    summary: Type.String({ description: 'Sanitized HTML' }),
    notes: Type.String({ description: 'Sanitized HTML' }),
    endNotes: Type.String({ description: 'Sanitized HTML' }),
    content: Type.String({ description: 'Sanitized HTML' }),
    wordCount: Type.Integer(),
    posted: Type.Boolean({ description: 'false for a draft chapter (only its creators see one)' }),
    postedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'Chapter' },
);

const TagRef = Type.Object({ name: Type.String(), type: TagType, url: Type.String() });

export const TagSchema = Type.Object(
  {
    name: Type.String(),
    type: TagType,
    canonical: Type.Boolean(),
    url: Type.String(),
    worksUrl: Type.String(),
    mergedInto: Type.Union([TagRef, Type.Null()], { description: 'The canonical tag this one is a synonym of' }),
    synonyms: Type.Array(TagRef),
    parents: Type.Array(TagRef),
    children: Type.Array(TagRef),
    metaTags: Type.Array(TagRef),
    subTags: Type.Array(TagRef),
    workCount: Type.Integer({ description: 'Visible works whose filter set holds this tag (or its canonical tag)' }),
  },
  { $id: 'Tag' },
);

const Html = (description: string, maxLength: number) => Type.String({ maxLength, description: `${description} (HTML, sanitized on write)` });
const Names = (description: string) => Type.Array(Type.String({ maxLength: 200 }), { maxItems: 75, description });

const chapterFields = {
  title: Type.Optional(Type.String({ maxLength: 255 })),
  content: Html('The chapter text', 600_000),
  summary: Type.Optional(Html('Chapter summary', 5_000)),
  notes: Type.Optional(Html('Chapter beginning notes', 10_000)),
  endNotes: Type.Optional(Html('Chapter end notes', 10_000)),
};

export const ChapterWriteSchema = Type.Object(chapterFields, { $id: 'ChapterWrite', additionalProperties: false });

/** A chapter added to an existing work. */
export const ChapterCreateSchema = Type.Object(
  {
    ...chapterFields,
    draft: Type.Optional(Type.Boolean({ description: 'true keeps the chapter a draft' })),
    expectedChapters: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 500 }), Type.Null()])),
  },
  { $id: 'ChapterCreate', additionalProperties: false },
);

/** Every field of the posting form; on PATCH all are optional and the rest stay as they are. */
const workWriteFields = {
  title: Type.String({ minLength: 1, maxLength: 255 }),
  summary: Type.Optional(Html('Summary', 5_000)),
  notes: Type.Optional(Html('Beginning notes', 10_000)),
  endNotes: Type.Optional(Html('End notes', 10_000)),
  language: Type.Optional(Type.String({ maxLength: 40, description: 'Language code or name; default en' })),
  rating: Type.Optional(Type.String({ maxLength: 100, description: 'One of the archive ratings' })),
  warnings: Type.Optional(Names('Archive warnings; at least one')),
  categories: Type.Optional(Names('Categories')),
  fandoms: Type.Optional(Names('Fandoms; at least one')),
  relationships: Type.Optional(Names('Relationships')),
  characters: Type.Optional(Names('Characters')),
  freeforms: Type.Optional(Names('Additional tags')),
  expectedChapters: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 500 }), Type.Null()], { description: 'null when unknown' })),
  restricted: Type.Optional(Type.Boolean()),
  anonymous: Type.Optional(Type.Boolean()),
  commentPermission: Type.Optional(Type.Union([Type.Literal('everyone'), Type.Literal('users'), Type.Literal('none')])),
  moderatedComments: Type.Optional(Type.Boolean()),
  coCreators: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20, description: 'Pseuds to invite, "pseud" or "pseud (login)"' })),
  series: Type.Optional(
    Type.Object(
      {
        id: Type.Optional(Type.Integer({ minimum: 1, description: 'One of your series' })),
        title: Type.Optional(Type.String({ maxLength: 255, description: 'A new series' })),
        position: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
      },
      { additionalProperties: false },
    ),
  ),
  postedAt: Type.Optional(Type.String({ format: 'date', description: 'Backdating: YYYY-MM-DD, not in the future' })),
  draft: Type.Optional(Type.Boolean({ description: 'true saves a draft; false posts (on PATCH: posts a draft)' })),
};

export const WorkCreateSchema = Type.Object(
  { ...workWriteFields, chapters: Type.Array(Type.Ref('ChapterWrite'), { minItems: 1, maxItems: 500 }) },
  { $id: 'WorkCreate', additionalProperties: false },
);

export const WorkPatchSchema = Type.Partial(Type.Object(workWriteFields, { additionalProperties: false }), { $id: 'WorkPatch', additionalProperties: false });

export const ChapterPatchSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 255 })),
    content: Type.Optional(Html('The chapter text', 600_000)),
    summary: Type.Optional(Html('Chapter summary', 5_000)),
    notes: Type.Optional(Html('Chapter beginning notes', 10_000)),
    endNotes: Type.Optional(Html('Chapter end notes', 10_000)),
    draft: Type.Optional(Type.Boolean({ description: 'false posts a draft chapter' })),
    expectedChapters: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 500 }), Type.Null()])),
  },
  { $id: 'ChapterPatch', additionalProperties: false },
);

export const SHARED_SCHEMAS = [ErrorSchema, WorkSchema, WorkListSchema, ChapterSchema, TagSchema, ChapterWriteSchema, ChapterCreateSchema, WorkCreateSchema, WorkPatchSchema, ChapterPatchSchema];

export const errorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  404: Type.Ref('Error'),
  429: Type.Ref('Error'),
};

export const writeErrorResponses = {
  ...errorResponses,
  403: Type.Ref('Error'),
  409: Type.Ref('Error'),
  413: Type.Ref('Error'),
  422: Type.Ref('Error'),
};
