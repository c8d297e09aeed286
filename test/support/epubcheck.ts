// Runs epubcheck (Debian's package, which CI installs: .ci/run) on EPUBs the tests produce and
// reports every message at WARNING level or above. Tests skip, printing why, when it is absent.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';

export interface EpubcheckMessage {
  severity: string;
  id: string;
  message: string;
  where: string;
}

let availability: Promise<string | null> | null = null;

/** null when epubcheck can run; otherwise why not (the `skip` reason). */
export function epubcheckUnavailable(): Promise<string | null> {
  availability ??= (async () => {
    if (!fs.existsSync(EPUBCHECK_JAR)) return `epubcheck is not installed (${EPUBCHECK_JAR}; apt-get install epubcheck)`;
    const java = await run('java', ['-version']).catch((error: Error) => ({ status: -1, stdout: '', stderr: error.message }));
    return java.status === 0 ? null : `java cannot run epubcheck: ${java.stderr.trim()}`;
  })();
  return availability;
}

function run(command: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Our own timer, cleared when the child ends or fails to start, so it never holds the process.
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

interface JsonReport {
  messages: Array<{ ID: string; severity: string; message: string; locations?: Array<{ path?: string; line?: number; column?: number }> }>;
}

/**
 * Every FATAL, ERROR and WARNING epubcheck reports for these bytes: an EPUB, or with `mode` a
 * single XHTML document checked against the HTML5 schema epubcheck carries (`--mode xhtml`).
 */
export async function epubcheck(bytes: Uint8Array, name = 'work.epub', mode?: 'xhtml'): Promise<EpubcheckMessage[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-epubcheck-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    // A short-lived JVM: the C1 compiler and the serial collector start epubcheck about three
    // times faster than the defaults.
    const result = await run('java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', EPUBCHECK_JAR, file, ...(mode ? ['--mode', mode, '-v', '3.0'] : []), '--json', '-']);
    const start = result.stdout.indexOf('{');
    if (start < 0) throw new Error(`epubcheck printed no report (exit ${result.status}):\n${result.stderr}`);
    const report = JSON.parse(result.stdout.slice(start)) as JsonReport;
    return report.messages
      .filter((m) => m.severity === 'FATAL' || m.severity === 'ERROR' || m.severity === 'WARNING')
      .map((m) => ({
        severity: m.severity,
        id: m.ID,
        message: m.message,
        where: (m.locations ?? []).map((l) => `${l.path ?? '?'}:${l.line ?? '?'}:${l.column ?? '?'}`).join(', '),
      }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails, listing the messages, unless epubcheck reports no error and no warning. */
export async function assertValidEpub(bytes: Uint8Array, label: string): Promise<void> {
  const messages = await epubcheck(bytes);
  const lines = messages.map((m) => `${m.severity} ${m.id} ${m.where}: ${m.message}`);
  assert.deepEqual(lines, [], `epubcheck found problems in ${label}:\n${lines.join('\n')}`);
}

/**
 * Fails unless a polyglot HTML5 document (the HTML download) validates against the HTML5 schema,
 * read as XHTML: well-formed, every element and attribute allowed where it stands.
 */
export async function assertValidHtml(document: string, label: string): Promise<void> {
  const messages = await epubcheck(new TextEncoder().encode(document), 'work.xhtml', 'xhtml');
  const lines = messages.map((m) => `${m.severity} ${m.id} ${m.where}: ${m.message}`);
  assert.deepEqual(lines, [], `the HTML of ${label} is not valid:\n${lines.join('\n')}`);
}
