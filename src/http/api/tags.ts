// GET /api/v1/tags/:tag
import { Type } from 'typebox';
import type { App } from '../app-type.ts';
import { findTag } from '../../services/browse.ts';
import { tagFromParam } from '../../domain/tag-name.ts';
import { tagLink } from '../present/work-blurb.ts';
import { tagUrl, tagWorksUrl } from '../present/urls.ts';
import { errorResponses } from './schemas.ts';

export async function registerTagApi(app: App): Promise<void> {
  app.get(
    '/api/v1/tags/:tag',
    {
      schema: {
        tags: ['tags'],
        summary: 'One tag, with how it is wrangled',
        description: "The tag name as in page URLs: AO3's escapes (/ → *s*, & → *a*, . → *d*, # → *h*, ? → *q*), then percent-encoding.",
        params: Type.Object({ tag: Type.String({ minLength: 1, maxLength: 500 }) }),
        response: { 200: Type.Ref('Tag'), ...errorResponses },
      },
    },
    async (request) => {
      const { tag, relations, filterTag, workCount } = await findTag(request.ctx, tagFromParam(request.params.tag));
      return {
        name: tag.name,
        type: tag.type,
        canonical: tag.canonical,
        url: tagUrl(tag.name),
        worksUrl: tagWorksUrl(filterTag.name),
        mergedInto: relations.mergedInto ? tagLink(relations.mergedInto) : null,
        synonyms: relations.synonyms.map(tagLink),
        parents: relations.parents.map(tagLink),
        children: relations.children.map(tagLink),
        metaTags: relations.metaTags.map(tagLink),
        subTags: relations.subTags.map(tagLink),
        workCount,
      };
    },
  );
}
