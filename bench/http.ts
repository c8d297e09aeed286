// HTTP benchmark (issue 5, docs/BENCHMARKS.md): serves an archive built by `npm run bench:corpus`
// with the real `owlery serve` (one process), drives a mixed read workload at a fixed request
// rate, and — in the same run — measures how many work pages per second Owlery serves against a
// bare node:http server sending the very same bytes.
//
//   npm run bench:http -- --data DIR | --database-url URL [--rate 1600] [--seconds 30]
//                         [--connections 64] [--saturate-seconds 10] [--timeout 10]
//                         [--warmup 10] [--json FILE]
//
// Open-loop load: requests are scheduled at fixed times and latency is measured from the
// scheduled time, so a stalled server shows up as latency rather than as fewer requests (no
// coordinated omission). A request not answered within --timeout seconds of its scheduled time
// is abandoned and counted as an error, so an overloaded server still gives a finished run (its
// errors and answered rate say how far it fell behind). The server's memory is read from /proc
// (VmRSS, VmHWM).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { markdownTable, mib, ms, summarize } from './lib/stats.ts';
import { rng, pick, Zipf, type Random } from './corpus/distributions.ts';
import { tagToParam } from '../src/domain/tag-name.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    'database-url': { type: 'string' },
    rate: { type: 'string', default: '1600' },
    seconds: { type: 'string', default: '30' },
    connections: { type: 'string', default: '64' },
    'saturate-seconds': { type: 'string', default: '10' },
    timeout: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '10' },
    seed: { type: 'string', default: '11' },
    json: { type: 'string' },
  },
});
if (!Number.isFinite(Number(args.warmup)) || Number(args.warmup) < 0) {
  console.error('--warmup must be a number of seconds, 0 or more.');
  process.exit(2);
}
if (!args.data && !args['database-url']) {
  console.error('bench:http needs --data DIR or --database-url URL (an archive built by npm run bench:corpus).');
  process.exit(2);
}
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const CONNECTIONS = Number(args.connections);
const SATURATE_SECONDS = Number(args['saturate-seconds']);
const WARMUP_SECONDS = Number(args.warmup);
const TIMEOUT_MS = Number(args.timeout) * 1000;
for (const [name, value] of [['rate', RATE], ['seconds', SECONDS], ['connections', CONNECTIONS], ['saturate-seconds', SATURATE_SECONDS], ['timeout', TIMEOUT_MS]] as const) {
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} must be a positive number.`);
    process.exit(2);
  }
}
const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;

interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function startOwlery(): Promise<Server> {
  const store = args.data ? ['--data', args.data] : ['--database-url', args['database-url']!];
  const child = spawn(NODE, [path.join(ROOT, 'src/main.ts'), 'serve', '--port', '0', '--no-worker', '--log-level', 'warn', ...store], {
    env: { ...process.env, OWLERY_RATE_LIMIT: '100000000', OWLERY_DATA: '', OWLERY_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return listening(child, /Owlery listening on (http:\/\/\S+)/);
}

function listening(child: ChildProcess, pattern: RegExp): Promise<Server> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({ url: match[1]!, pid: child.pid!, stop: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))) });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** A bare node:http server answering each path with bytes captured from Owlery. */
function startBare(pagesFile: string): Promise<Server> {
  const child = spawn(NODE, [path.join(ROOT, 'bench/lib/bare-server.ts'), pagesFile], { stdio: ['ignore', 'pipe', 'inherit'] });
  return listening(child, /bare listening on (http:\/\/\S+)/);
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });

/** A GET abandoned `timeoutMs` after the call (time spent queued for a socket counts). */
function get(url: string, timeoutMs = 120_000): Promise<{ status: number; body: Buffer; cached: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), cached: res.headers['x-owlery-cache'] === 'hit' }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface Targets {
  works: number[];
  chapters: string[];
  tags: string[];
  fandoms: string[];
  words: string[];
}

/** What to ask for, read from the archive through its own API (guest view). */
async function discoverTargets(base: string, random: Random): Promise<Targets> {
  const list = async (query: string) => JSON.parse((await get(`${base}/api/v1/works?${query}`)).body.toString()) as {
    works: Array<{ id: number; title: string; summary: string }>;
    facets: Record<string, Array<{ name: string }>>;
  };
  const front = await list('limit=100');
  const fandoms = (front.facets.fandom ?? []).map((f) => f.name);
  const tags = [...(front.facets.freeform ?? []), ...(front.facets.character ?? []), ...(front.facets.relationship ?? [])].map((f) => f.name);
  const works = new Set<number>(front.works.map((w) => w.id));
  for (const fandom of fandoms.slice(0, 10)) for (const sort of ['kudos', 'updated', 'words']) for (const w of (await list(`fandom=${encodeURIComponent(fandom)}&sort=${sort}&limit=100`)).works) works.add(w.id);
  // Beyond what listings surface, works picked uniformly by id, so page caches meet the long tail.
  const maxId = Math.max(...works);
  for (let probes = 0; probes < 3000; probes++) {
    const id = 1 + Math.floor(random() * maxId);
    if (!works.has(id) && (await get(`${base}/api/v1/works/${id}`)).status === 200) works.add(id);
  }
  const workIds = [...works];
  // Popular works first: the Zipf draw then favours the ones listings surface.
  const chapters: string[] = [];
  for (let i = 0; i < 200 && i < workIds.length; i++) {
    const id = pick(random, workIds);
    const body = JSON.parse((await get(`${base}/api/v1/works/${id}/chapters`)).body.toString()) as { chapters?: Array<{ id: number }> };
    for (const c of body.chapters ?? []) chapters.push(`/works/${id}/chapters/${c.id}`);
  }
  const words = front.works.flatMap((w) => (w.title.match(/\p{L}{4,}/gu) ?? []).map((x) => x.toLowerCase()));
  return { works: workIds, chapters, tags, fandoms, words: words.length > 0 ? words : ['the'] };
}

type Kind = 'work' | 'chapter' | 'tag listing' | 'filtered listing' | 'search';
const MIX: Array<[Kind, number]> = [['work', 0.4], ['chapter', 0.2], ['tag listing', 0.15], ['filtered listing', 0.15], ['search', 0.1]];

function nextRequest(random: Random, t: Targets, zipfs: { works: Zipf; tags: Zipf; fandoms: Zipf }): { kind: Kind; path: string } {
  let roll = random();
  let kind: Kind = 'work';
  for (const [k, share] of MIX) {
    if (roll < share) {
      kind = k;
      break;
    }
    roll -= share;
  }
  switch (kind) {
    case 'work':
      return { kind, path: `/works/${t.works[zipfs.works.draw(random)] ?? t.works[0]}` };
    case 'chapter':
      return { kind, path: pick(random, t.chapters) };
    case 'tag listing':
      return { kind, path: `/tags/${tagToParam(t.tags[zipfs.tags.draw(random)] ?? t.tags[0]!)}/works${random() < 0.3 ? `?page=${2 + Math.floor(random() * 20)}` : ''}` };
    case 'filtered listing': {
      const fandom = t.fandoms[zipfs.fandoms.draw(random)] ?? t.fandoms[0]!;
      return { kind, path: `/works?fandom=${encodeURIComponent(fandom)}&exclude=${encodeURIComponent('Graphic Depictions Of Violence')}&sort=${pick(random, ['kudos', 'hits', 'updated', 'words'])}` };
    }
    case 'search':
      return { kind, path: `/works/search?q=${encodeURIComponent(pick(random, t.words))}` };
  }
}

interface RunResult {
  sent: number;
  errors: number;
  statuses: Record<string, number>;
  latencies: Map<Kind, number[]>;
  /** Answers served from the guest page cache (x-owlery-cache: hit), per kind. */
  cacheHits: Map<Kind, number>;
  /** Requests sent per second (the schedule kept). */
  achievedRate: number;
  /** Answers received per second within the scheduled window: what the server sustained. */
  answeredRate: number;
}

/** Open loop at RATE requests per second for `seconds` (the warm-up runs the same loop). */
async function fixedRate(base: string, t: Targets, random: Random, seconds: number): Promise<RunResult> {
  const zipfs = { works: new Zipf(t.works.length, 1.0), tags: new Zipf(t.tags.length, 1.0), fandoms: new Zipf(t.fandoms.length, 1.0) };
  const latencies = new Map<Kind, number[]>(MIX.map(([k]) => [k, []]));
  const statuses: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  let answeredInTime = 0;
  const cacheHits = new Map<Kind, number>();
  const total = Math.round(RATE * seconds);
  const start = performance.now();
  const pending: Array<Promise<void>> = [];
  await new Promise<void>((done) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * RATE));
      while (sent < due) {
        const scheduled = start + (sent / RATE) * 1000;
        const { kind, path } = nextRequest(random, t, zipfs);
        sent++;
        pending.push(
          get(base + path, Math.max(1, Math.round(scheduled + TIMEOUT_MS - performance.now()))).then(
            (res) => {
              statuses[res.status] = (statuses[res.status] ?? 0) + 1;
              if (res.status >= 400) errors++;
              latencies.get(kind)!.push(performance.now() - scheduled);
              if (res.cached) cacheHits.set(kind, (cacheHits.get(kind) ?? 0) + 1);
              if (performance.now() - start <= seconds * 1000) answeredInTime++;
            },
            (error: unknown) => {
              errors++;
              const key = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError') ? 'timeout' : 'error';
              statuses[key] = (statuses[key] ?? 0) + 1;
              if (key === 'error' && statuses[key] === 1) process.stderr.write(`first error: ${error instanceof Error ? error.message : String(error)}\n`);
            },
          ),
        );
      }
      if (sent >= total) done();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const sentBy = (performance.now() - start) / 1000;
  await Promise.all(pending);
  return { sent, errors, statuses, latencies, cacheHits, achievedRate: sent / sentBy, answeredRate: answeredInTime / seconds };
}

/** Closed loop: CONNECTIONS clients asking for work pages as fast as answers come. */
async function saturate(base: string, paths: readonly string[], seconds: number): Promise<number> {
  let done = 0;
  const end = performance.now() + seconds * 1000;
  let i = 0;
  const client = async () => {
    while (performance.now() < end) {
      const res = await get(base + paths[i++ % paths.length]!, TIMEOUT_MS).catch(() => null);
      if (res?.status === 200) done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  return done / ((performance.now() - start) / 1000);
}

async function main(): Promise<void> {
  const random = rng(Number(args.seed));
  const owlery = await startOwlery();
  let bare: Server | null = null;
  try {
    process.stderr.write(`Owlery at ${owlery.url}; warming up…\n`);
    const warmStart = performance.now();
    await get(`${owlery.url}/works?sort=kudos`);
    process.stderr.write(`first listing answered after ${((performance.now() - warmStart) / 1000).toFixed(1)} s (index build)\n`);
    const targets = await discoverTargets(owlery.url, random);
    process.stderr.write(`targets: ${targets.works.length} works, ${targets.chapters.length} chapters, ${targets.tags.length} tags, ${targets.fandoms.length} fandoms\n`);

    // Capture the work pages the throughput comparison uses, for the bare server to replay.
    const workPaths = targets.works.slice(0, 300).map((id) => `/works/${id}`);
    const pages: Record<string, string> = {};
    for (const p of workPaths) pages[p] = (await get(owlery.url + p)).body.toString('base64');
    const pagesFile = path.join(fs.mkdtempSync('/tmp/owlery-bench-http-'), 'pages.json');
    fs.writeFileSync(pagesFile, JSON.stringify(pages));
    bare = await startBare(pagesFile);

    if (WARMUP_SECONDS > 0) {
      // The same mix first, unrecorded: a server that has just started has empty caches, which
      // is a different (and shorter-lived) state than the one the targets are about.
      process.stderr.write(`warm-up: ${RATE} requests/s for ${WARMUP_SECONDS} s…\n`);
      const warm = await fixedRate(owlery.url, targets, random, WARMUP_SECONDS);
      process.stderr.write(`warm-up answered ${warm.answeredRate.toFixed(0)}/s, ${warm.errors} errors\n`);
    }
    process.stderr.write(`mixed workload: ${RATE} requests/s for ${SECONDS} s…\n`);
    const run = await fixedRate(owlery.url, targets, random, SECONDS);
    const memory = memoryOf(owlery.pid);

    process.stderr.write(`work-page throughput, ${SATURATE_SECONDS} s each…\n`);
    const owleryRate = await saturate(owlery.url, workPaths, SATURATE_SECONDS);
    const bareRate = await saturate(bare.url, workPaths, SATURATE_SECONDS);
    const afterMemory = memoryOf(owlery.pid);

    const rows: string[][] = [];
    const everything: number[] = [];
    for (const [kind, samples] of run.latencies) {
      everything.push(...samples);
      const s = summarize(samples);
      rows.push([kind, String(s.n), `${Math.round((100 * (run.cacheHits.get(kind) ?? 0)) / Math.max(1, s.n))}%`, ms(s.p50), ms(s.p95), ms(s.p99), ms(s.max)]);
    }
    const overall = summarize(everything);
    const allHits = [...run.cacheHits.values()].reduce((a, b) => a + b, 0);
    rows.push(['**all**', String(overall.n), `${Math.round((100 * allHits) / Math.max(1, overall.n))}%`, ms(overall.p50), ms(overall.p95), ms(overall.p99), ms(overall.max)]);
    console.log(`Mixed read workload: ${run.sent} requests at ${RATE}/s scheduled, ${run.achievedRate.toFixed(0)}/s sent, ${run.answeredRate.toFixed(0)}/s answered within the ${SECONDS} s, ${run.errors} errors (statuses ${JSON.stringify(run.statuses)})`);
    console.log('');
    console.log(markdownTable(['request (ms from scheduled time)', 'n', 'from cache', 'p50', 'p95', 'p99', 'max'], rows));
    console.log('');
    console.log(`Work pages, ${CONNECTIONS} connections: Owlery ${owleryRate.toFixed(0)}/s, bare node:http ${bareRate.toFixed(0)}/s, ratio ${((owleryRate / bareRate) * 100).toFixed(0)}%`);
    console.log(`Owlery server memory: RSS ${mib(memory.rss)} after the mixed run, ${mib(afterMemory.rss)} at the end, peak ${mib(afterMemory.peak)}`);
    if (args.json) fs.writeFileSync(args.json, JSON.stringify({ rate: RATE, seconds: SECONDS, run: { ...run, cacheHits: Object.fromEntries(run.cacheHits), latencies: Object.fromEntries([...run.latencies].map(([k, v]) => [k, summarize(v)])) }, overall, owleryRate, bareRate, memory, afterMemory }, null, 2));
  } finally {
    agent.destroy();
    await bare?.stop();
    await owlery.stop();
  }
}

await main();
