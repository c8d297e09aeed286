// The `owlery` command: dispatches to a subcommand and turns errors into a message on stderr
// and a non-zero exit.
import { isAppError } from '../domain/errors.ts';
import { ConfigError } from '../config.ts';
import { UsageError } from './args.ts';
import { serveCommand, SERVE_HELP } from './serve.ts';
import { migrateCommand, MIGRATE_HELP } from './migrate.ts';
import { importCommand, IMPORT_HELP } from './import.ts';
import { demoCommand, DEMO_HELP } from './demo.ts';
import { usersCommand, USERS_HELP } from './users.ts';
import { backupCommand, BACKUP_HELP } from './backup.ts';
import { jobsCommand, JOBS_HELP, workerCommand, WORKER_HELP } from './jobs.ts';
import { tagsCommand, TAGS_HELP } from './tags.ts';
import { exportCommand, EXPORT_HELP } from './export.ts';
import { reindexCommand, REINDEX_HELP } from './reindex.ts';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; help: string }> = {
  serve: { run: serveCommand, help: SERVE_HELP },
  migrate: { run: migrateCommand, help: MIGRATE_HELP },
  import: { run: importCommand, help: IMPORT_HELP },
  demo: { run: demoCommand, help: DEMO_HELP },
  users: { run: usersCommand, help: USERS_HELP },
  backup: { run: backupCommand, help: BACKUP_HELP },
  worker: { run: workerCommand, help: WORKER_HELP },
  jobs: { run: jobsCommand, help: JOBS_HELP },
  tags: { run: tagsCommand, help: TAGS_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
  reindex: { run: reindexCommand, help: REINDEX_HELP },
};

const USAGE = `Usage: owlery COMMAND [options]

Every command takes --data DIR (SQLite in DIR/owlery.sqlite, default ./data) or
--database-url URL (PostgreSQL); also OWLERY_DATA / OWLERY_DATABASE_URL.

${Object.values(COMMANDS).map((c) => c.help).join('\n\n')}`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`owlery: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || isAppError(error)) {
      console.error(`owlery ${name}: ${error.message}`);
      return error instanceof UsageError ? 2 : 1;
    }
    console.error(`owlery ${name}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
