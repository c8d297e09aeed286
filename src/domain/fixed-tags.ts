// The tags every archive has, seeded by the first migration (DESIGN.md "Fixed tags"; the same
// names AO3 uses, so readers' filters and imported AO3 downloads carry over).
import type { TagType } from './tag-types.ts';

export const RATINGS = [
  'Not Rated',
  'General Audiences',
  'Teen And Up Audiences',
  'Mature',
  'Explicit',
] as const;

export const WARNINGS = [
  'Creator Chose Not To Use Archive Warnings',
  'No Archive Warnings Apply',
  'Graphic Depictions Of Violence',
  'Major Character Death',
  'Rape/Non-Con',
  'Underage Sex',
] as const;

export const CATEGORIES = ['Gen', 'F/M', 'M/M', 'F/F', 'Multi', 'Other'] as const;

export const FIXED_TAGS: ReadonlyArray<{ name: string; type: TagType }> = [
  ...RATINGS.map((name) => ({ name, type: 'rating' as const })),
  ...WARNINGS.map((name) => ({ name, type: 'warning' as const })),
  ...CATEGORIES.map((name) => ({ name, type: 'category' as const })),
];

export const DEFAULT_RATING = 'Not Rated';
export const DEFAULT_WARNING = 'Creator Chose Not To Use Archive Warnings';
