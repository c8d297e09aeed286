// Runs the real `owlery` binary (bin/owlery.js) as a child process.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/owlery.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, OWLERY_DATA: '', OWLERY_DATABASE_URL: '', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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
