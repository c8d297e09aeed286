// Runs the real `owlery` binary (bin/owlery.js) as a child process.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/owlery.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI and collects its output. Asynchronous on purpose: a blocking spawnSync would
 * freeze the test process's event loop, stalling other suites' database connections.
 */
export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, OWLERY_DATA: '', OWLERY_DATABASE_URL: '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export interface RunningServer {
  url: string;
  output: string[];
  stop(): Promise<void>;
}

/** Starts `owlery serve --port 0` and resolves once it prints its address. */
export function startServer(args: string[]): Promise<RunningServer> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--log-level', 'warn', ...args], {
    env: { ...process.env, OWLERY_DATA: '', OWLERY_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output.join('')}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /Owlery listening on (http:\/\/\S+)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        // Give the setup line, printed right after, a moment to arrive.
        setTimeout(() =>
          resolve({
            url: match[1]!,
            output,
            stop: () =>
              new Promise<void>((done) => {
                child.once('exit', () => done());
                child.kill('SIGTERM');
              }),
          }), 100);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output.join('')}`));
    });
  });
}
