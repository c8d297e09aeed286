// A node:test reporter that counts leaf tests per database dialect, so the CI log proves that both
// the SQLite and the PostgreSQL halves of the suite ran (a PostgreSQL suite that skipped everything
// would otherwise hide inside a green total).
//
// A test belongs to a dialect when its own name or the name of an enclosing suite/test carries the
// marker `[sqlite]` or `[postgres]` (also `[postgresql]`, any case) — e.g.
// `describe(\`tag repo [${dialect}]\`, …)` — or, failing that, when node:test tags name it.
//
// Facts about the event stream this relies on (checked on Node 24.21 with `--test` and process
// isolation; see docs "Custom reporters"):
// - `test:start`, `test:pass` and `test:fail` for one file arrive in declaration order; a test's
//   pass/fail comes after all of its subtests' pass/fail (post-order). `test:enqueue`,
//   `test:dequeue` and `test:complete` arrive in execution order, interleaved across files, and the
//   parent process adds its own per-file wrapper events to them (named after the file, sharing the
//   testId space), so they are ignored here.
// - `testId` is unique only within one file's process, so state is keyed by `data.file`;
//   `parentId` is 0 (not undefined, as @types/node says) for top-level tests.
// - Suites report `details.type === 'suite'`; a test with `t.test()` subtests reports 'test', so a
//   leaf is a 'test' with no reported children.
// - Skipped tests arrive as `test:pass` with `skip` set; todo tests as pass or fail with `todo` set
//   (a failing todo does not fail the run). Tests cancelled because a suite hook failed arrive as
//   `test:fail` (failureType 'cancelledByParent') and count as failed here.
// - A skipped suite (`describe(…, { skip })`) reports no children at all and node's summary counts
//   it nowhere; here it counts as one skipped (and is named as a whole suite in the block).
// - A suite that fails with no failing leaf under it (its body threw, an `after` hook failed)
//   counts as one failure so it cannot disappear from the tally.
// - Per-file `test:summary` events carry `file`; the whole run's has `file: undefined`, preceded
//   by a root `test:plan` (no file, nesting 0). The block is printed at that root plan, which puts
//   it just before the spec reporter's "ℹ tests …" totals, so the runner's own totals stay the
//   closing lines of the log.

export type Dialect = 'sqlite' | 'postgres';

export interface DialectCounts {
  passed: number;
  failed: number;
  /** Skipped leaf tests, plus suites skipped as a whole (counted once each, see skippedSuites). */
  skipped: number;
  /** Suites skipped as a whole: node:test reports none of their tests, so their size is unknown. */
  skippedSuites: number;
  todo: number;
}

/** The slice of node:test reporter events this reporter reads (structurally compatible). */
export interface ReporterEvent {
  type: string;
  data?: unknown;
}

interface TestEventData {
  name?: string;
  nesting?: number;
  file?: string;
  testId?: number;
  parentId?: number;
  tags?: string[];
  skip?: string | boolean;
  todo?: string | boolean;
  details?: { type?: 'suite' | 'test' };
}

interface Node {
  name: string;
  parentKey: string | null;
  tags: string[];
  hasChildren: boolean;
  /** A failure was already counted somewhere below this node. */
  failureBelow: boolean;
}

const MARKERS: Array<[RegExp, Dialect]> = [
  [/\[sqlite\]/i, 'sqlite'],
  [/\[postgres(?:ql)?\]/i, 'postgres'],
];

export function markerIn(name: string): Dialect | null {
  for (const [pattern, dialect] of MARKERS) if (pattern.test(name)) return dialect;
  return null;
}

function tagDialect(tags: string[]): Dialect | null {
  for (const tag of tags) {
    const t = tag.toLowerCase();
    if (t === 'sqlite') return 'sqlite';
    if (t === 'postgres' || t === 'postgresql') return 'postgres';
  }
  return null;
}

/** Counts leaf tests per dialect from reporter events; pure, so the unit test can drive it. */
export class DialectTally {
  readonly counts: Record<Dialect, DialectCounts> = {
    sqlite: { passed: 0, failed: 0, skipped: 0, skippedSuites: 0, todo: 0 },
    postgres: { passed: 0, failed: 0, skipped: 0, skippedSuites: 0, todo: 0 },
  };

  readonly #nodes = new Map<string, Node>();
  /** Fallback lineage for events without testId: the names at each nesting level, per file. */
  readonly #stacks = new Map<string, string[]>();
  #anonymous = 0;

  handle(event: ReporterEvent): void {
    if (event.type !== 'test:start' && event.type !== 'test:pass' && event.type !== 'test:fail') return;
    const data = (event.data ?? {}) as TestEventData;
    const key = this.#register(data);
    if (event.type === 'test:start') return;

    const node = this.#nodes.get(key);
    if (!node) return;
    const isSuite = data.details?.type === 'suite';
    const failed = event.type === 'test:fail';
    const dialect = this.#dialectOf(key);

    if (!isSuite && !node.hasChildren) {
      if (!dialect) return;
      const c = this.counts[dialect];
      if (data.todo !== undefined && data.todo !== false) c.todo++;
      else if (data.skip !== undefined && data.skip !== false) c.skipped++;
      else if (failed) {
        c.failed++;
        this.#markFailureAbove(key);
      } else c.passed++;
      return;
    }
    // A skipped suite reports none of its tests (and node's own summary counts it nowhere): count
    // it once, so a PostgreSQL suite skipped whole still shows up as skipped.
    if (!failed && !node.hasChildren && dialect && data.skip !== undefined && data.skip !== false) {
      this.counts[dialect].skipped++;
      this.counts[dialect].skippedSuites++;
      return;
    }
    // A suite (or a test with subtests) that failed without any failing leaf below it.
    if (failed && !node.failureBelow && dialect && (data.todo === undefined || data.todo === false)) {
      this.counts[dialect].failed++;
      this.#markFailureAbove(key);
    }
  }

  /** Records the test and returns its key; links it to its parent. */
  #register(data: TestEventData): string {
    const file = data.file ?? '';
    const name = data.name ?? '';
    const nesting = data.nesting ?? 0;
    let key: string;
    let parentKey: string | null;
    if (typeof data.testId === 'number') {
      key = `${file}\u0000${data.testId}`;
      parentKey = typeof data.parentId === 'number' && data.parentId > 0 ? `${file}\u0000${data.parentId}` : null;
    } else {
      // Older runtimes: rebuild lineage from nesting levels (test:start comes in declaration order).
      let stack = this.#stacks.get(file);
      if (!stack) this.#stacks.set(file, (stack = []));
      const path = [...stack.slice(0, nesting), name];
      stack.length = nesting;
      stack.push(name);
      key = `${file}\u0000path\u0000${path.join('\u0000')}`;
      parentKey = nesting > 0 ? `${file}\u0000path\u0000${path.slice(0, -1).join('\u0000')}` : null;
      if (!name) key += `\u0000${this.#anonymous++}`;
    }
    let node = this.#nodes.get(key);
    if (!node) {
      node = { name, parentKey, tags: data.tags ?? [], hasChildren: false, failureBelow: false };
      this.#nodes.set(key, node);
    }
    if (parentKey) {
      const parent = this.#nodes.get(parentKey);
      if (parent) parent.hasChildren = true;
    }
    return key;
  }

  #dialectOf(key: string): Dialect | null {
    // The innermost marker wins, should a name ever nest one dialect inside another.
    const seen = new Set<string>();
    let tags: string[] = [];
    for (let k: string | null = key; k && !seen.has(k); ) {
      seen.add(k);
      const node = this.#nodes.get(k);
      if (!node) break;
      const found = markerIn(node.name);
      if (found) return found;
      if (tags.length === 0) tags = node.tags;
      k = node.parentKey;
    }
    return tagDialect(tags);
  }

  #markFailureAbove(key: string): void {
    const seen = new Set<string>();
    for (let k = this.#nodes.get(key)?.parentKey ?? null; k && !seen.has(k); ) {
      seen.add(k);
      const node = this.#nodes.get(k);
      if (!node) break;
      node.failureBelow = true;
      k = node.parentKey;
    }
  }
}

const LABELS: Record<Dialect, string> = { sqlite: 'SQLite suite:', postgres: 'PostgreSQL suite:' };

export function formatTally(counts: Record<Dialect, DialectCounts>): string {
  const width = Math.max(...Object.values(LABELS).map((l) => l.length)) + 1;
  const lines = ['Database suites:'];
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const c = counts[dialect];
    let line = `  ${LABELS[dialect].padEnd(width)}${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
    if (c.todo > 0) line += `, ${c.todo} todo`;
    if (c.skippedSuites > 0) line += ` (${c.skippedSuites} of them whole suite${c.skippedSuites === 1 ? '' : 's'})`;
    if (c.passed + c.failed === 0) line += ' — none ran';
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

function isWholeRun(event: ReporterEvent): boolean {
  if (event.type !== 'test:plan' && event.type !== 'test:summary') return false;
  const data = (event.data ?? {}) as TestEventData;
  if (data.file !== undefined) return false;
  return event.type === 'test:summary' || (data.nesting ?? 0) === 0;
}

/** The reporter: `--test-reporter=./test/support/dialect-reporter.ts`. */
export default async function* dialectReporter(source: AsyncIterable<ReporterEvent>): AsyncGenerator<string, void> {
  const tally = new DialectTally();
  let printed = false;
  for await (const event of source) {
    tally.handle(event);
    if (!printed && isWholeRun(event)) {
      printed = true;
      yield `\n${formatTally(tally.counts)}\n`;
    }
  }
  if (!printed) yield `\n${formatTally(tally.counts)}\n`;
}
