// Muting a tag: works whose filter set holds it disappear behind a "show" control for this
// reader. A synonym is muted as its canonical tag, so the filter set — which holds canonical tags
// and their meta ancestors — catches works tagged with any synonym and, for a meta tag, with any
// of its sub tags ("Character Death" mutes works tagged "Major Character Death" once a wrangler
// makes that a sub tag).
import { countMutedTags, insertMutedTag, isTagMuted } from '../../db/repos/mutes.repo.ts';
import { Invalid } from '../../domain/errors.ts';
import { MAX_MUTED_TAGS } from '../../domain/mutes.ts';
import type { TagType } from '../../domain/tag-types.ts';
import { findTag } from '../browse.ts';
import type { ServiceContext } from '../context.ts';
import { filtersOwnerId } from './access.ts';

export interface MutedTag {
  id: number;
  name: string;
  type: TagType;
  /** false when it was muted already. */
  added: boolean;
}

const CAP = MAX_MUTED_TAGS.toLocaleString('en-US');

export async function muteTag(ctx: ServiceContext, input: { name: string }): Promise<MutedTag> {
  const userId = filtersOwnerId(ctx, 'mute tags');
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (name === '') throw new Invalid('Enter the name of the tag to mute.', { tag: 'Enter a tag name.' });
  // findTag applies the tag pages' visibility: a tag that only a draft or a hidden work carries
  // is "not found" here too, so muting cannot be used to learn that it exists.
  const { filterTag } = await findTag(ctx, name);
  const added = await ctx.db.transaction().execute(async (trx) => {
    if (await isTagMuted(trx, userId, filterTag.id)) return false;
    if ((await countMutedTags(trx, userId)) >= MAX_MUTED_TAGS) {
      throw new Invalid(`You can mute at most ${CAP} tags. Unmute some before muting more.`, { tag: `At most ${CAP} muted tags.` });
    }
    return insertMutedTag(trx, userId, filterTag.id, ctx.clock.now().toISOString());
  });
  return { id: filterTag.id, name: filterTag.name, type: filterTag.type, added };
}
