// Flag parsing shared by every subcommand (node:util parseArgs), and the common store flags.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config.ts';

export class UsageError extends Error {}

export const COMMON_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function configFrom(values: Record<string, unknown>): Config {
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  return loadConfig({
    data: str('data'),
    databaseUrl: str('database-url'),
    host: str('host'),
    port: str('port'),
    baseUrl: str('base-url'),
    logLevel: str('log-level'),
  });
}
