// Bits of the discovery index's per-work flags byte (discovery-store.ts), shared by the parts
// that read it.
export const LIVE = 1;
export const RESTRICTED = 2;
export const ANONYMOUS = 4;
export const COMPLETE = 8;
export const CROSSOVER = 16;
/** AO3's "single chapter" filter: the expected chapter count is 1 (otwarchive work_query.rb). */
export const SINGLE_CHAPTER = 32;

/** Tag types by index (domain/tag-types.ts order); UNKNOWN_TYPE until the type is loaded. */
export const UNKNOWN_TYPE = 255;
