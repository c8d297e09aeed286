// The full-text query language of `q` (issue 5): words, "quoted phrases", -exclusions, OR
// between terms, and field prefixes title:, summary:, creator:, tag: (no prefix: every field,
// including chapter text). Parsed here into a small tree both search providers translate to their
// own syntax (FTS5 MATCH, PostgreSQL tsquery), so the two behave alike.

export type SearchField = 'title' | 'summary' | 'creator' | 'tag' | 'notes' | 'body';

/** A word or a phrase, folded (lower case, no diacritics), as a list of tokens. */
export interface SearchTerm {
  kind: 'term';
  /** One token for a word; several for a phrase (or for CJK text, one per character). */
  tokens: string[];
  /** Quoted phrase or CJK run: tokens must be adjacent and in order. */
  phrase: boolean;
  /** Absent: any field. */
  field?: SearchField;
  /** The term as the reader typed it, for messages. */
  source: string;
}

/** Conjunction of clauses; each clause is one term or an OR of terms. */
export interface SearchExpr {
  /** Every clause must match. */
  all: Array<SearchTerm[]>;
  /** No work matching any of these is returned. */
  none: SearchTerm[];
}
