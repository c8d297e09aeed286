import type { ColumnDefinitionBuilder, ColumnDataType, Kysely } from 'kysely';
import type { Capabilities } from '../connect.ts';

export interface MigrationContext {
  caps: Capabilities;
  /** Column definitions whose SQL differs between the two databases. */
  columns: {
    /** An auto-incrementing integer primary key. */
    id: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
    /** ISO-8601 text on SQLite, timestamptz on PostgreSQL. */
    timestamp: ColumnDataType;
  };
}

export interface OwleryMigration {
  up(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
  down?(db: Kysely<unknown>, ctx: MigrationContext): Promise<void>;
}
