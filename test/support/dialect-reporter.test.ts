// Feeds the dialect reporter event streams shaped like the ones Node 24's runner emits (recorded
// with a dumping reporter, see the notes at the top of dialect-reporter.ts) and checks the tally.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import dialectReporter, { DialectTally, formatTally, markerIn } from './dialect-reporter.ts';
import type { ReporterEvent } from './dialect-reporter.ts';

type Kind = 'suite' | 'test';

/** Builds start/pass/fail events for one file, numbering tests the way node:test does. */
class FileStream {
  readonly events: ReporterEvent[] = [];
  #nextId = 1;
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }

  start(name: string, nesting: number, parentId: number): number {
    const testId = this.#nextId++;
    this.events.push({ type: 'test:start', data: { file: this.file, name, nesting, testId, parentId, tags: [] } });
    return testId;
  }

  end(
    outcome: 'pass' | 'fail',
    name: string,
    nesting: number,
    testId: number,
    parentId: number,
    type: Kind,
    extra: Record<string, unknown> = {},
  ): void {
    this.events.push({
      type: `test:${outcome}`,
      data: { file: this.file, name, nesting, testId, parentId, tags: [], details: { type, duration_ms: 1 }, ...extra },
    });
  }

  leaf(name: string, nesting: number, parentId: number, outcome: 'pass' | 'fail' = 'pass', extra: Record<string, unknown> = {}) {
    const id = this.start(name, nesting, parentId);
    this.end(outcome, name, nesting, id, parentId, 'test', extra);
  }

  summary(): void {
    this.events.push({ type: 'test:summary', data: { file: this.file, counts: {}, duration_ms: 1, success: true } });
  }
}

function run(events: ReporterEvent[]): DialectTally {
  const tally = new DialectTally();
  for (const e of events) tally.handle(e);
  return tally;
}

/** The two-dialect repository file from the recording: describe(`repo [${dialect}]`) × 2. */
function repoFile(file: string): FileStream {
  const f = new FileStream(file);
  for (const dialect of ['sqlite', 'postgres']) {
    const suite = f.start(`repo [${dialect}]`, 0, 0);
    f.leaf('works', 1, suite);
    f.leaf('skipped', 1, suite, 'pass', { skip: 'no pg' });
    const nested = f.start('nested', 1, suite);
    f.leaf('deep', 2, nested);
    f.leaf('todo one', 2, nested, 'pass', { todo: true });
    f.end('pass', 'nested', 1, nested, suite, 'suite');
    f.end('pass', `repo [${dialect}]`, 0, suite, 0, 'suite');
  }
  // Unmarked test with a marked subtest: only the subtest counts, the parent is not a leaf.
  const plain = f.start('plain with subtests', 0, 0);
  f.leaf('sub [sqlite]', 1, plain);
  f.end('pass', 'plain with subtests', 0, plain, 0, 'test');
  // A before hook failed: children are cancelled (test:fail), then the suite fails.
  const hook = f.start('hookfail [postgres]', 0, 0);
  f.leaf('x', 1, hook, 'fail', { details: { type: 'test', error: { failureType: 'cancelledByParent' } } });
  f.leaf('y', 1, hook, 'fail', { details: { type: 'test', error: { failureType: 'cancelledByParent' } } });
  f.end('fail', 'hookfail [postgres]', 0, hook, 0, 'suite');
  // Unmarked tests are not counted.
  f.leaf('no marker', 0, 0);
  f.summary();
  return f;
}

describe('dialect reporter', () => {
  it('finds markers in names', () => {
    assert.equal(markerIn('tag repo [sqlite]'), 'sqlite');
    assert.equal(markerIn('[PostgreSQL] search'), 'postgres');
    assert.equal(markerIn('works [postgres] › filters'), 'postgres');
    assert.equal(markerIn('sqlite without brackets'), null);
  });

  it('counts leaf tests per dialect through nested suites, skips, todos and cancellations', () => {
    const tally = run(repoFile('/r/a.test.ts').events);
    assert.deepEqual(tally.counts.sqlite, { passed: 3, failed: 0, skipped: 1, skippedSuites: 0, todo: 1 });
    assert.deepEqual(tally.counts.postgres, { passed: 2, failed: 2, skipped: 1, skippedSuites: 0, todo: 1 });
  });

  it('counts a failing suite with no failing leaf as one failure', () => {
    const f = new FileStream('/r/b.test.ts');
    const b = f.start('b [sqlite]', 0, 0);
    f.leaf('fails', 1, b, 'fail');
    f.leaf('ok', 1, b);
    f.end('fail', 'b [sqlite]', 0, b, 0, 'suite');
    // describe body threw: the suite fails with no children at all.
    const t = f.start('throws in body [postgres]', 0, 0);
    f.end('fail', 'throws in body [postgres]', 0, t, 0, 'suite');
    // after hook failed although every test passed.
    const a = f.start('after hook [postgres]', 0, 0);
    f.leaf('fine', 1, a);
    f.end('fail', 'after hook [postgres]', 0, a, 0, 'suite');
    const tally = run(f.events);
    assert.deepEqual(tally.counts.sqlite, { passed: 1, failed: 1, skipped: 0, skippedSuites: 0, todo: 0 });
    assert.deepEqual(tally.counts.postgres, { passed: 1, failed: 2, skipped: 0, skippedSuites: 0, todo: 0 });
  });

  it('keeps files apart when their events interleave and their testIds collide', () => {
    const a = repoFile('/r/a.test.ts').events;
    const b = repoFile('/r/b.test.ts').events;
    const mixed: ReporterEvent[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i]) mixed.push(a[i]!);
      if (b[i]) mixed.push(b[i]!);
    }
    const tally = run(mixed);
    assert.deepEqual(tally.counts.sqlite, { passed: 6, failed: 0, skipped: 2, skippedSuites: 0, todo: 2 });
    assert.deepEqual(tally.counts.postgres, { passed: 4, failed: 4, skipped: 2, skippedSuites: 0, todo: 2 });
  });

  it('ignores enqueue/dequeue/complete events and the per-file wrapper tests', () => {
    const f = repoFile('/r/a.test.ts');
    const noise: ReporterEvent[] = [
      { type: 'test:enqueue', data: { file: '/r/a.test.ts', name: 'a.test.ts [sqlite]', nesting: 0, testId: 1, parentId: 0, type: 'test' } },
      { type: 'test:complete', data: { file: '/r/a.test.ts', name: 'works', nesting: 1, testId: 2, parentId: 1, details: { passed: true, type: 'test' } } },
    ];
    const tally = run([...noise, ...f.events]);
    assert.equal(tally.counts.sqlite.passed, 3);
  });

  it('falls back to nesting levels when events carry no testId', () => {
    const events: ReporterEvent[] = [];
    const ev = (type: string, name: string, nesting: number, kind?: Kind, extra: Record<string, unknown> = {}) =>
      events.push({ type, data: { file: '/r/c.test.ts', name, nesting, ...(kind ? { details: { type: kind } } : {}), ...extra } });
    ev('test:start', 'repo [postgres]', 0);
    ev('test:start', 'a', 1);
    ev('test:pass', 'a', 1, 'test');
    ev('test:start', 'b', 1);
    ev('test:fail', 'b', 1, 'test');
    ev('test:pass', 'repo [postgres]', 0, 'suite');
    ev('test:start', 'loose', 0);
    ev('test:pass', 'loose', 0, 'test');
    const tally = run(events);
    assert.deepEqual(tally.counts.postgres, { passed: 1, failed: 1, skipped: 0, skippedSuites: 0, todo: 0 });
    assert.equal(tally.counts.sqlite.passed, 0);
  });

  it('counts a suite skipped as a whole, which reports no tests, once', () => {
    const f = new FileStream('/r/e.test.ts');
    const s = f.start('search [postgres]', 0, 0);
    f.end('pass', 'search [postgres]', 0, s, 0, 'suite', { skip: 'PostgreSQL not reachable' });
    const tally = run(f.events);
    assert.deepEqual(tally.counts.postgres, { passed: 0, failed: 0, skipped: 1, skippedSuites: 1, todo: 0 });
    assert.match(formatTally(tally.counts), /PostgreSQL suite: 0 passed, 0 failed, 1 skipped \(1 of them whole suite\) — none ran/);
  });

  it('uses node:test tags when no name carries a marker', () => {
    const tally = run([
      { type: 'test:start', data: { file: '/r/d.test.ts', name: 't', nesting: 0, testId: 1, parentId: 0, tags: ['postgres'] } },
      { type: 'test:pass', data: { file: '/r/d.test.ts', name: 't', nesting: 0, testId: 1, parentId: 0, tags: ['postgres'], details: { type: 'test' } } },
    ]);
    assert.equal(tally.counts.postgres.passed, 1);
  });

  it('formats the block with aligned labels', () => {
    const text = formatTally({
      sqlite: { passed: 142, failed: 0, skipped: 0, skippedSuites: 0, todo: 0 },
      postgres: { passed: 139, failed: 1, skipped: 2, skippedSuites: 0, todo: 0 },
    });
    assert.equal(
      text,
      'Database suites:\n' +
        '  SQLite suite:     142 passed, 0 failed, 0 skipped\n' +
        '  PostgreSQL suite: 139 passed, 1 failed, 2 skipped\n',
    );
    assert.match(formatTally({ sqlite: { passed: 0, failed: 0, skipped: 0, skippedSuites: 0, todo: 0 }, postgres: { passed: 1, failed: 0, skipped: 0, skippedSuites: 0, todo: 3 } }), /SQLite suite: +0 passed, 0 failed, 0 skipped — none ran\n.*1 passed, 0 failed, 0 skipped, 3 todo\n/);
  });

  it('prints once, at the whole run’s root plan, before the closing summary', async () => {
    const f = repoFile('/r/a.test.ts');
    const stream = [
      ...f.events,
      { type: 'test:plan', data: { nesting: 0, count: 1 } },
      { type: 'test:diagnostic', data: { nesting: 0, message: 'tests 14' } },
      { type: 'test:summary', data: { counts: {}, duration_ms: 1, success: true } },
    ];
    async function* source() {
      yield* stream;
    }
    const out: string[] = [];
    for await (const chunk of dialectReporter(source())) out.push(chunk);
    assert.equal(out.length, 1);
    assert.match(out[0]!, /SQLite suite: +3 passed, 0 failed, 1 skipped, 1 todo/);
    assert.match(out[0]!, /PostgreSQL suite: 2 passed, 2 failed, 1 skipped, 1 todo/);
  });

  it('prints at the end of the stream when no whole-run event came', async () => {
    async function* source() {
      yield* repoFile('/r/a.test.ts').events; // ends with a per-file summary only
    }
    const out: string[] = [];
    for await (const chunk of dialectReporter(source())) out.push(chunk);
    assert.equal(out.length, 1);
    assert.match(out[0]!, /Database suites:/);
  });
});
