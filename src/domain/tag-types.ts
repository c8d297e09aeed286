export const TAG_TYPES = [
  'rating',
  'warning',
  'category',
  'media',
  'fandom',
  'relationship',
  'character',
  'freeform',
] as const;

export type TagType = (typeof TAG_TYPES)[number];

/** Types writers may create just by using a new name; the others are fixed. */
export const USER_TAG_TYPES: ReadonlySet<TagType> = new Set(['fandom', 'relationship', 'character', 'freeform']);

/** The order AO3 shows tags in a blurb and a work's preface. */
export const TAG_DISPLAY_ORDER: readonly TagType[] = ['rating', 'warning', 'category', 'fandom', 'relationship', 'character', 'freeform'];

export const TAG_TYPE_LABELS: Record<TagType, { one: string; many: string }> = {
  rating: { one: 'Rating', many: 'Ratings' },
  warning: { one: 'Archive Warning', many: 'Archive Warnings' },
  category: { one: 'Category', many: 'Categories' },
  media: { one: 'Media', many: 'Media' },
  fandom: { one: 'Fandom', many: 'Fandoms' },
  relationship: { one: 'Relationship', many: 'Relationships' },
  character: { one: 'Character', many: 'Characters' },
  freeform: { one: 'Additional Tag', many: 'Additional Tags' },
};

export function isTagType(value: string): value is TagType {
  return (TAG_TYPES as readonly string[]).includes(value);
}
