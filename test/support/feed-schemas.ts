// Validating feeds with jing against the RELAX NG schemas in ../shared/corpora/opds/ (beside the
// repository: CI checks shared/ out next to it, as the security corpora src/formats/sanitize.test.ts
// reads). Debian's jing is installed by .ci/run; without it, or without the schemas, tests skip
// with the printed reason.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testEnvironment } from '../../src/config.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpora/opds');
// The shared corpus has opds-1.2.rnc but not the atom.rnc it includes; ours (RFC 4287 Appendix
// B) ships with the tests.
const ATOM_SCHEMA = path.resolve(import.meta.dirname, '../fixtures/schemas/atom.rnc');

export type FeedSchema = 'opds-1.2.rnc' | 'atom.rnc';

/**
 * A directory with both schemas ready for jing, or why validation cannot run. opds-1.2.rnc
 * includes atom.rnc (RFC 4287 Appendix B) from its own directory; its atomUri pattern lacks two
 * backslashes and so rejects every URI containing "r" or "t" (opds-community/specs issue #3),
 * which the copy fixes.
 */
function prepareSchemas(): { dir: string; skip: false } | { dir: null; skip: string } {
  const probe = spawnSync('jing', [], { encoding: 'utf8' });
  if (probe.error) return { dir: null, skip: `jing is not installed (apt-get install -y jing): ${probe.error.message}` };
  if (!fs.existsSync(path.join(CORPUS, 'opds-1.2.rnc'))) return { dir: null, skip: `opds-1.2.rnc is missing from ${CORPUS}` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-opds-schema-'));
  const opds = fs.readFileSync(path.join(CORPUS, 'opds-1.2.rnc'), 'utf8').replace('"\\nrt]', '"\\n\\r\\t]');
  fs.writeFileSync(path.join(dir, 'opds-1.2.rnc'), opds);
  fs.copyFileSync(ATOM_SCHEMA, path.join(dir, 'atom.rnc'));
  return { dir, skip: false };
}

export const schemas = prepareSchemas();
if (schemas.skip) {
  if (testEnvironment().requireTools) throw new Error(`feed schema validation cannot run here: ${schemas.skip}`);
  console.log(`# feed schema validation skipped: ${schemas.skip}`);
}

/** Validates documents with jing; returns its complaints (empty when all are valid). */
export function jing(schema: FeedSchema, docs: Record<string, string>): string {
  if (!schemas.dir) throw new Error(`feed schemas unavailable: ${schemas.skip}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owlery-feeds-'));
  const files = Object.entries(docs).map(([name, body], i) => {
    const file = path.join(dir, `${i}-${name.replace(/[^a-z0-9]+/gi, '-')}.xml`);
    fs.writeFileSync(file, body);
    return file;
  });
  const run = spawnSync('jing', ['-c', path.join(schemas.dir, schema), ...files], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  // Debian's wrapper prints "[warning] … Unable to locate …" about optional jars; those are not findings.
  const complaints = `${run.stdout}${run.stderr}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('[warning]'))
    .join('\n');
  return run.status === 0 ? complaints : complaints || `jing exited with ${run.status}`;
}
