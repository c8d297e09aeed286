// PDF, MOBI and AZW3 downloads: Calibre's `ebook-convert` turns our EPUB into them, when it is
// installed (DESIGN.md: "pdf/mobi/azw3 through Calibre when present"). It runs as a child process
// with an argument list (never a shell string), in a temporary directory of its own, with a time
// limit; only two conversions run at once, so a burst of requests cannot start dozens of Calibres.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Invalid } from '../../domain/errors.ts';
import type { ExportFormat } from './types.ts';

export interface CalibreOptions {
  /** The converter to run (tests point it elsewhere); `ebook-convert` on the PATH by default. */
  command?: string;
  /** Milliseconds before a conversion is abandoned. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 120_000;
const MAX_RUNNING = 2;

/** The error a server or the CLI reports when Calibre is missing. */
export function calibreMissing(format: ExportFormat): Invalid {
  return new Invalid(`${format.toUpperCase()} downloads need Calibre's ebook-convert, which is not installed on this server.`);
}

let running = 0;
const waiting: Array<() => void> = [];

async function slot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Converts EPUB bytes to `format` (pdf, mobi, azw3) with ebook-convert. */
export function convertEpub(epub: Uint8Array, format: ExportFormat, options: CalibreOptions = {}): Promise<Uint8Array> {
  return slot(async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'owlery-convert-'));
    try {
      const input = path.join(dir, 'work.epub');
      const output = path.join(dir, `work.${format}`);
      await fs.writeFile(input, epub);
      await run(options.command ?? 'ebook-convert', [input, output], dir, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, format);
      return new Uint8Array(await fs.readFile(output));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
}

/**
 * Calibre's PDF output renders through QtWebEngine (Chromium), which refuses to start its sandbox
 * as root; there, and only there, the sandbox is turned off so PDFs work at all. Archives should
 * run as an ordinary user (docs/OPERATIONS.md), which keeps the sandbox.
 */
function childEnvironment(): NodeJS.ProcessEnv | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return { ...process.env, QTWEBENGINE_DISABLE_SANDBOX: '1' };
}

function run(command: string, args: string[], cwd: string, timeoutMs: number, format: ExportFormat): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnvironment(), stdio: ['ignore', 'ignore', 'pipe'] });
    // Our own timer rather than spawn's `timeout` option, whose timer outlives a child that never
    // started (ENOENT) and would hold the process open until it fires.
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? calibreMissing(format) : error);
    });
    child.once('close', (status) => {
      clearTimeout(timer);
      if (status === 0) resolve();
      else if (timedOut) reject(new Error(`ebook-convert took longer than ${timeoutMs} ms making a ${format.toUpperCase()} and was stopped`));
      else reject(new Error(`ebook-convert failed (exit ${status}) making a ${format.toUpperCase()}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}
