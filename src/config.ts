// The one reader of process.env. Every setting has a flag (passed in by the CLI) and an
// environment variable; each is validated here so a bad value stops the process with a message
// naming the key instead of failing later somewhere deep.
import path from 'node:path';

export interface Config {
  /** Folder for the SQLite file, outbox and caches (`--data`, `OWLERY_DATA`). */
  dataDir: string;
  /** PostgreSQL connection string; when set, SQLite is not used (`--database-url`, `OWLERY_DATABASE_URL`). */
  databaseUrl: string | null;
  /** Address the HTTP server binds to (`--host`, `OWLERY_HOST`). */
  host: string;
  /** Port the HTTP server binds to (`--port`, `OWLERY_PORT`). */
  port: number;
  /** Public base URL used in links printed or sent elsewhere (`--base-url`, `OWLERY_BASE_URL`). */
  baseUrl: string | null;
  /** pino log level (`--log-level`, `OWLERY_LOG_LEVEL`). */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Trust X-Forwarded-* from a reverse proxy (`OWLERY_TRUST_PROXY`). */
  trustProxy: boolean;
  /** Site name shown in page titles (`OWLERY_SITE_NAME`). */
  siteName: string;
  /** SMTP server for outgoing mail, e.g. smtps://user:pass@mail.example.org (`OWLERY_SMTP_URL`); unset: .eml files in DATA/outbox. */
  smtpUrl: string | null;
  /** Sender address of outgoing mail (`OWLERY_MAIL_FROM`). */
  mailFrom: string;
  /** Requests per minute one client address may make to the whole site (`OWLERY_RATE_LIMIT`). */
  rateLimitPerMinute: number;
  /** Run background jobs inside `owlery serve` (`OWLERY_WORKER`, on by default); off on web processes when `owlery worker` runs elsewhere. */
  worker: boolean;
  /** Memory for rendered pages kept for guests, MiB; 0 turns the cache off (`OWLERY_PAGE_CACHE_MB`, default 32). */
  pageCacheMiB: number;
}

export class ConfigError extends Error {
  readonly key: string;
  constructor(key: string, message: string) {
    super(`Invalid setting ${key}: ${message}`);
    this.key = key;
  }
}

/** Flags the CLI accepts for every command; they override the environment. */
export interface ConfigFlags {
  data?: string | undefined;
  databaseUrl?: string | undefined;
  host?: string | undefined;
  port?: string | undefined;
  baseUrl?: string | undefined;
  logLevel?: string | undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const CONFIG_KEYS: Record<keyof Config, string> = {
  dataDir: 'OWLERY_DATA',
  databaseUrl: 'OWLERY_DATABASE_URL',
  host: 'OWLERY_HOST',
  port: 'OWLERY_PORT',
  baseUrl: 'OWLERY_BASE_URL',
  logLevel: 'OWLERY_LOG_LEVEL',
  trustProxy: 'OWLERY_TRUST_PROXY',
  siteName: 'OWLERY_SITE_NAME',
  smtpUrl: 'OWLERY_SMTP_URL',
  mailFrom: 'OWLERY_MAIL_FROM',
  rateLimitPerMinute: 'OWLERY_RATE_LIMIT',
  worker: 'OWLERY_WORKER',
  pageCacheMiB: 'OWLERY_PAGE_CACHE_MB',
};

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parsePort(raw: string, key: string): number {
  if (!/^\d+$/.test(raw)) throw new ConfigError(key, `"${raw}" is not a port number`);
  const port = Number(raw);
  if (port < 0 || port > 65535) throw new ConfigError(key, `${port} is outside 0–65535`);
  return port;
}

function parseDatabaseUrl(raw: string, key: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(key, 'is not a URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(key, `protocol ${url.protocol} is not supported (use postgres://)`);
  }
  return raw;
}

function parseBaseUrl(raw: string, key: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return url.toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(key, `"${raw}" is not an http(s) URL`);
  }
}

function parseSmtpUrl(raw: string, key: string): string {
  try {
    const url = new URL(raw);
    if (url.protocol === 'smtp:' || url.protocol === 'smtps:') return raw;
  } catch {
    // reported below
  }
  throw new ConfigError(key, 'is not an smtp:// or smtps:// URL');
}

function parseRateLimit(raw: string, key: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ConfigError(key, `"${raw}" is not a positive whole number of requests per minute`);
  return Number(raw);
}

function parsePageCache(raw: string, key: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 4096) throw new ConfigError(key, `"${raw}" is not a whole number of MiB from 0 to 4096`);
  return Number(raw);
}

function parseMailFrom(raw: string, key: string): string {
  // "Name <address>" or a bare address.
  if (!/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(raw)) throw new ConfigError(key, `"${raw}" is not an email address`);
  return raw;
}

function parseBool(raw: string, key: string): boolean {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(key, `"${raw}" is not a boolean (use true or false)`);
}

export function loadConfig(flags: ConfigFlags = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const pick = (flag: string | undefined, key: string) => nonEmpty(flag) ?? nonEmpty(env[key]);

  const dataRaw = pick(flags.data, CONFIG_KEYS.dataDir) ?? './data';
  const dbRaw = pick(flags.databaseUrl, CONFIG_KEYS.databaseUrl);
  const portRaw = pick(flags.port, CONFIG_KEYS.port) ?? '3000';
  const baseRaw = pick(flags.baseUrl, CONFIG_KEYS.baseUrl);
  const levelRaw = pick(flags.logLevel, CONFIG_KEYS.logLevel) ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(levelRaw)) {
    throw new ConfigError(CONFIG_KEYS.logLevel, `"${levelRaw}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  const trustRaw = nonEmpty(env[CONFIG_KEYS.trustProxy]);
  const smtpRaw = nonEmpty(env[CONFIG_KEYS.smtpUrl]);
  const workerRaw = nonEmpty(env[CONFIG_KEYS.worker]);

  return {
    dataDir: path.resolve(dataRaw),
    databaseUrl: dbRaw ? parseDatabaseUrl(dbRaw, CONFIG_KEYS.databaseUrl) : null,
    host: pick(flags.host, CONFIG_KEYS.host) ?? '127.0.0.1',
    port: parsePort(portRaw, CONFIG_KEYS.port),
    baseUrl: baseRaw ? parseBaseUrl(baseRaw, CONFIG_KEYS.baseUrl) : null,
    logLevel: levelRaw as Config['logLevel'],
    trustProxy: trustRaw ? parseBool(trustRaw, CONFIG_KEYS.trustProxy) : false,
    siteName: nonEmpty(env[CONFIG_KEYS.siteName]) ?? 'Owlery',
    smtpUrl: smtpRaw ? parseSmtpUrl(smtpRaw, CONFIG_KEYS.smtpUrl) : null,
    rateLimitPerMinute: parseRateLimit(nonEmpty(env[CONFIG_KEYS.rateLimitPerMinute]) ?? '600', CONFIG_KEYS.rateLimitPerMinute),
    mailFrom: parseMailFrom(nonEmpty(env[CONFIG_KEYS.mailFrom]) ?? 'Owlery <no-reply@localhost>', CONFIG_KEYS.mailFrom),
    worker: workerRaw ? parseBool(workerRaw, CONFIG_KEYS.worker) : true,
    pageCacheMiB: parsePageCache(nonEmpty(env[CONFIG_KEYS.pageCacheMiB]) ?? '32', CONFIG_KEYS.pageCacheMiB),
  };
}

function parseTriState(raw: string | undefined): boolean | null {
  if (raw === '1') return true;
  if (raw === '0') return false;
  return null;
}

/** Test-only environment (read here so config.ts stays the one reader of process.env). */
export function testEnvironment(env: NodeJS.ProcessEnv = process.env) {
  return {
    postgresUrl: nonEmpty(env.OWLERY_TEST_DATABASE_URL) ?? 'postgres://postgres@127.0.0.1:5432/test',
    requirePostgres: nonEmpty(env.OWLERY_TEST_REQUIRE_PG) === '1' || nonEmpty(env.CI) === 'true',
    /** In CI, missing validators (jing, epubcheck) fail their suites instead of skipping them. */
    requireTools: nonEmpty(env.OWLERY_TEST_REQUIRE_TOOLS) === '1' || nonEmpty(env.CI) === 'true',
    chromiumPath: nonEmpty(env.OWLERY_CHROMIUM) ?? '/usr/bin/chromium',
    /** Browser tests fail instead of skipping when Chromium is missing (`OWLERY_TEST_REQUIRE_BROWSER=1`, or CI). */
    requireBrowser: nonEmpty(env.OWLERY_TEST_REQUIRE_BROWSER) === '1' || nonEmpty(env.CI) === 'true',
    artifactsDir: path.resolve(nonEmpty(env.OWLERY_TEST_ARTIFACTS) ?? 'test-artifacts'),
    /** Set by scripts/run-tests.ts after probing postgresUrl; null when tests run without it. */
    postgresAvailable: parseTriState(nonEmpty(env.OWLERY_TEST_PG_AVAILABLE)),
  };
}

/** The archive's public origin: OWLERY_BASE_URL, or the address it listens on. */
export function publicBaseUrl(config: Pick<Config, 'baseUrl' | 'host' | 'port'>): string {
  if (config.baseUrl) return config.baseUrl;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}
