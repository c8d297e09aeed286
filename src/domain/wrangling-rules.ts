// The rules of AO3's tag wrangling, as pure functions: which parent links are allowed, how a
// relationship name names its characters, and when a work is a crossover.
import type { TagType } from './tag-types.ts';

/** Parent → child links that make sense (AO3: media → fandom → the rest; character → relationship). */
const PARENT_TYPES: Readonly<Record<TagType, readonly TagType[]>> = {
  rating: [],
  warning: [],
  category: [],
  media: [],
  fandom: ['media'],
  character: ['fandom'],
  relationship: ['fandom', 'character'],
  freeform: ['fandom'],
};

export function parentAllowed(parent: TagType, child: TagType): boolean {
  return PARENT_TYPES[child].includes(parent);
}

export function allowedParentTypes(child: TagType): readonly TagType[] {
  return PARENT_TYPES[child];
}

/** Types wranglers may make canonical, merge and meta-tag (the fixed ones are fixed). */
export const WRANGLEABLE_TYPES: ReadonlySet<TagType> = new Set(['media', 'fandom', 'character', 'relationship', 'freeform']);

export interface ParsedRelationship {
  kind: 'romantic' | 'platonic';
  characters: string[];
}

/**
 * AO3's notation: "A/B" is romantic or sexual, "A & B" platonic; poly relationships chain
 * ("A/B/C"). Returns null for a name that is not a relationship between at least two names.
 * A slash with spaces around it ("A / B") is accepted; "&" needs spaces, so "Q&A" is one name.
 */
export function parseRelationship(name: string): ParsedRelationship | null {
  const romantic = name.includes('/');
  const parts = (romantic ? name.split('/') : name.split(/\s+&\s+/)).map((p) => p.replace(/\s+/g, ' ').trim());
  if (parts.length < 2 || parts.some((p) => p === '')) return null;
  return { kind: romantic ? 'romantic' : 'platonic', characters: [...new Set(parts)] };
}

/**
 * A work is a crossover when two of its fandoms share no ancestor through meta tags (each
 * fandom counts as its own ancestor). `ancestors` maps each canonical fandom id to that set.
 */
export function isCrossover(fandomIds: readonly number[], ancestors: ReadonlyMap<number, ReadonlySet<number>>): boolean {
  const unique = [...new Set(fandomIds)];
  for (let i = 0; i < unique.length; i++) {
    for (let j = i + 1; j < unique.length; j++) {
      const a = ancestors.get(unique[i]!) ?? new Set([unique[i]!]);
      const b = ancestors.get(unique[j]!) ?? new Set([unique[j]!]);
      if (![...a].some((id) => b.has(id))) return true;
    }
  }
  return false;
}
