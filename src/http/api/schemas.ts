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
    restricted: Type.Boolean({ description: 'Visible to logged-in users only' }),
    postedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    stats: Type.Object({ hits: Type.Integer(), kudos: Type.Integer(), comments: Type.Integer(), bookmarks: Type.Integer() }),
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

export const SHARED_SCHEMAS = [ErrorSchema, WorkSchema, WorkListSchema, ChapterSchema, TagSchema];

export const errorResponses = {
  400: Type.Ref('Error'),
  401: Type.Ref('Error'),
  404: Type.Ref('Error'),
  429: Type.Ref('Error'),
};
