// A tag's wrangling relations as links, shared by the tag page and the tag API.
import type { TagRelations } from '../../db/repos/tags.repo.ts';
import type { TagLink } from './view-models.ts';
import { tagLink } from './work-blurb.ts';

export interface TagRelationLinks {
  mergedInto: TagLink | null;
  synonyms: TagLink[];
  parents: TagLink[];
  children: TagLink[];
  metaTags: TagLink[];
  subTags: TagLink[];
}

export function presentTagRelations(relations: TagRelations): TagRelationLinks {
  return {
    mergedInto: relations.mergedInto ? tagLink(relations.mergedInto) : null,
    synonyms: relations.synonyms.map(tagLink),
    parents: relations.parents.map(tagLink),
    children: relations.children.map(tagLink),
    metaTags: relations.metaTags.map(tagLink),
    subTags: relations.subTags.map(tagLink),
  };
}
