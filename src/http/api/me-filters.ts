// The caller's own personal filters as JSON: muted tags, muted creators and saved searches under
// /api/v1/me/…. Authorized by a personal API token (or a logged-in session with its CSRF token
// on writes), under the same services as the pages; a reading app keeps the reader's mutes.
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../app-type.ts';
import { MAX_SAVED_SEARCH_NAME, MAX_SAVED_SEARCH_QUERY } from '../../domain/mutes.ts';
import { MAX_TAG_LENGTH } from '../../domain/tag-name.ts';
import { TAG_TYPES } from '../../domain/tag-types.ts';
import { myMutedTags, myMutedUsers, mySavedSearches } from '../../services/personal-filters/list-filters.ts';
import { muteTag } from '../../services/personal-filters/mute-tag.ts';
import { unmuteTag } from '../../services/personal-filters/unmute-tag.ts';
import { muteUser } from '../../services/personal-filters/mute-user.ts';
import { unmuteUser } from '../../services/personal-filters/unmute-user.ts';
import { saveSearch } from '../../services/personal-filters/save-search.ts';
import { deleteMySavedSearch } from '../../services/personal-filters/delete-saved-search.ts';
import { mutedTagJson, mutedUserJson, savedSearchJson } from '../present/personal-filters.ts';
import { Id } from '../web/routes/params.ts';
import { errorResponses, writeErrorResponses } from './schemas.ts';

const WRITE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const IdParams = Type.Object({ id: Id });
const Timestamp = Type.String({ format: 'date-time' });

const MutedTag = Type.Object({
  id: Type.Integer({ description: 'The canonical tag muted (a synonym is muted as its canonical tag)' }),
  name: Type.String(),
  type: Type.String({ enum: [...TAG_TYPES], description: 'Tag type' }),
  url: Type.String(),
  mutedAt: Timestamp,
});
const MutedUser = Type.Object({ id: Type.Integer(), login: Type.String(), url: Type.String(), mutedAt: Timestamp });
const SavedSearch = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  query: Type.String({ description: 'The canonical listing query string (no "?"), as GET /api/v1/works takes it' }),
  url: Type.String({ description: 'The listing page the search opens' }),
  createdAt: Timestamp,
});

const readErrors = { ...errorResponses, 403: Type.Ref('Error') };
const noContent = (reply: FastifyReply) => reply.code(204).send(null);

export async function registerMeFilterApi(app: App): Promise<void> {
  app.get(
    '/api/v1/me/muted-tags',
    { schema: { tags: ['me'], summary: 'Your muted tags', description: 'Works whose filter set holds one of these (so also their synonyms and sub tags) are muted for you.', response: { 200: Type.Object({ tags: Type.Array(MutedTag) }), ...readErrors } } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { tags: (await myMutedTags(request.ctx)).map(mutedTagJson) };
    },
  );

  app.post(
    '/api/v1/me/muted-tags',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['me'],
        summary: 'Mute a tag',
        description: 'By name, of any type; a synonym mutes its canonical tag. Muting a muted tag changes nothing (200 instead of 201). At most 2,000.',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: MAX_TAG_LENGTH }) }, { additionalProperties: false }),
        response: { 200: MutedTag, 201: MutedTag, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const muted = await muteTag(request.ctx, { name: request.body.name });
      const row = (await myMutedTags(request.ctx)).find((t) => t.tagId === muted.id)!;
      return reply.code(muted.added ? 201 : 200).send(mutedTagJson(row));
    },
  );

  app.delete(
    '/api/v1/me/muted-tags/:id',
    { config: WRITE_LIMIT, schema: { tags: ['me'], summary: 'Unmute a tag', params: IdParams, response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await unmuteTag(request.ctx, request.params.id);
      return noContent(reply);
    },
  );

  app.get(
    '/api/v1/me/muted-users',
    { schema: { tags: ['me'], summary: 'Your muted creators', description: 'Their works are muted for you, except anonymous ones.', response: { 200: Type.Object({ users: Type.Array(MutedUser) }), ...readErrors } } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { users: (await myMutedUsers(request.ctx)).map(mutedUserJson) };
    },
  );

  app.post(
    '/api/v1/me/muted-users',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['me'],
        summary: 'Mute a creator',
        description: 'By login. You cannot mute yourself. At most 2,000.',
        body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: { 200: MutedUser, 201: MutedUser, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const muted = await muteUser(request.ctx, { login: request.body.login });
      const row = (await myMutedUsers(request.ctx)).find((u) => u.userId === muted.id)!;
      return reply.code(muted.added ? 201 : 200).send(mutedUserJson(row));
    },
  );

  app.delete(
    '/api/v1/me/muted-users/:id',
    { config: WRITE_LIMIT, schema: { tags: ['me'], summary: 'Unmute a creator', params: IdParams, response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await unmuteUser(request.ctx, request.params.id);
      return noContent(reply);
    },
  );

  app.get(
    '/api/v1/me/saved-searches',
    { schema: { tags: ['me'], summary: 'Your saved searches', response: { 200: Type.Object({ searches: Type.Array(SavedSearch) }), ...readErrors } } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { searches: (await mySavedSearches(request.ctx)).map(savedSearchJson) };
    },
  );

  app.post(
    '/api/v1/me/saved-searches',
    {
      config: WRITE_LIMIT,
      schema: {
        tags: ['me'],
        summary: 'Save a search',
        description: 'A name and listing parameters (a query string, or a listing URL); stored in canonical form, without paging. Names are unique per account. At most 100.',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: MAX_SAVED_SEARCH_NAME }), query: Type.String({ minLength: 1, maxLength: MAX_SAVED_SEARCH_QUERY }) },
          { additionalProperties: false },
        ),
        response: { 201: SavedSearch, ...writeErrorResponses },
      },
    },
    async (request, reply) => {
      const saved = await saveSearch(request.ctx, request.body);
      return reply.code(201).header('location', '/api/v1/me/saved-searches').send(savedSearchJson(saved));
    },
  );

  app.delete(
    '/api/v1/me/saved-searches/:id',
    { config: WRITE_LIMIT, schema: { tags: ['me'], summary: 'Delete a saved search', params: IdParams, response: { 204: Type.Null(), ...writeErrorResponses } } },
    async (request, reply) => {
      await deleteMySavedSearch(request.ctx, request.params.id);
      return noContent(reply);
    },
  );
}
