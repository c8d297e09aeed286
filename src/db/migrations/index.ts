// The one ordered migration set for both databases. Add a file, then list it here; names sort.
import type { OwleryMigration } from './types.ts';
import * as core from './001-core.ts';
import * as accounts from './002-accounts.ts';

export const MIGRATIONS: Record<string, OwleryMigration> = {
  '001-core': core,
  '002-accounts': accounts,
};
