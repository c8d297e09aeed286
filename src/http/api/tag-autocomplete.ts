// GET /api/v1/tags/autocomplete — suggestions for the posting form's tag fields (and any client):
// existing tags of one type whose words start with `q`, canonical first, at most 10. Tags used
// only on works the caller cannot see are never suggested.
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { TAG_TYPES } from '../../domain/tag-types.ts';
import { autocompleteTags } from '../../services/works/tag-autocomplete.ts';
import { errorResponses } from './schemas.ts';

const TagTypeParam = Type.Union(TAG_TYPES.map((t) => Type.Literal(t)), { description: 'Tag type to suggest' });

const Suggestion = Type.Object({
  name: Type.String(),
  type: TagTypeParam,
  canonical: Type.Boolean({ description: 'Canonical tags are listed first' }),
});

export async function registerTagAutocompleteApi(app: App): Promise<void> {
  app.get(
    '/api/v1/tags/autocomplete',
    {
      schema: {
        tags: ['tags'],
        summary: 'Tag suggestions while typing',
        description: 'Tags of `type` with a word starting with `q` (case-insensitive), canonical tags first; with `fandom`, tags of that fandom rank higher. At most 10.',
        querystring: Type.Object({
          type: TagTypeParam,
          q: Type.String({ maxLength: 150, description: 'What has been typed so far' }),
          fandom: Type.Optional(Type.String({ maxLength: 1000, description: 'A fandom name, to rank its tags first' })),
        }),
        response: { 200: Type.Object({ tags: Type.Array(Suggestion) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const tags = await autocompleteTags(request.ctx, request.query);
      // Suggestions depend on who is asking (restricted works), so shared caches must not keep them.
      reply.header('cache-control', 'private, max-age=60');
      return { tags };
    },
  );
}
