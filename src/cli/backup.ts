// `owlery backup FILE`: an online, consistent copy while the archive keeps serving — SQLite's
// backup API, or pg_dump's custom format for PostgreSQL.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { configFrom, parse, UsageError } from './args.ts';
import { openStore } from '../db/connect.ts';

export const BACKUP_HELP = `owlery backup FILE [--data DIR | --database-url URL]
  Writes a consistent backup of the running archive to FILE (refuses to overwrite).`;

export async function backupCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {}, true);
  if (values.help) return (console.log(BACKUP_HELP), 0);
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('Name exactly one backup file.');
  if (fs.existsSync(file)) throw new UsageError(`${file} exists; choose a new file name.`);
  const config = configFrom(values);
  if (config.databaseUrl) {
    const result = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, config.databaseUrl], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.error) throw new UsageError(`pg_dump could not run: ${result.error.message}`);
    if (result.status !== 0) throw new UsageError(`pg_dump failed with exit code ${result.status}.`);
  } else {
    const store = openStore({ dataDir: config.dataDir, databaseUrl: null });
    try {
      await store.sqlite!.backup(file);
    } finally {
      await store.close();
    }
  }
  console.log(`Backup written to ${file}`);
  return 0;
}
