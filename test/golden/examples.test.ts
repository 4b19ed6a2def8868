/**
 * The shipped examples' outputs do not change by accident: the plan document (`plan --json`),
 * the summary (`plan`) and the HTML report of each example are compared by SHA-256 with the
 * digests in `digests.json`. A restructuring must leave every byte as it is; a change that means
 * to alter an output updates the digests on purpose:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/golden/examples.test.ts
 *
 * and says in its commit which output changed and why.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/program.js';

const DIGESTS = 'test/golden/digests.json';
const EXAMPLES = ['small', 'single-policy', 'worldwide'] as const;
const update = process.env.UPDATE_GOLDEN === '1';
const stored: Record<string, string> = JSON.parse(readFileSync(DIGESTS, 'utf8'));
const found: Record<string, string> = {};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function cli(...args: string[]): Promise<string> {
  const io = memoryIo();
  const code = await runCli(args, io);
  if (code !== 0) throw new Error(`wanplan ${args.join(' ')} exited ${code}: ${io.stderr}`);
  return io.stdout;
}

describe('example outputs are byte-identical to the recorded digests', () => {
  for (const name of EXAMPLES) {
    it(`examples/${name}.yaml: plan --json, the summary and the report`, async () => {
      const file = `examples/${name}.yaml`;
      const json = await cli('plan', file, '--json');
      const summary = await cli('plan', file);
      const dir = await import('node:fs').then((fs) => fs.mkdtempSync('/tmp/wanplan-golden-'));
      writeFileSync(`${dir}/plan.json`, json);
      const report = await cli('report', file, `${dir}/plan.json`);
      const got = {
        [`${name}.plan.json`]: sha256(json),
        [`${name}.summary.txt`]: sha256(summary),
        [`${name}.report.html`]: sha256(report),
      };
      Object.assign(found, got);
      if (update) {
        writeFileSync(DIGESTS, `${JSON.stringify({ ...stored, ...found }, null, 2)}\n`);
        return;
      }
      for (const [key, digest] of Object.entries(got))
        expect(`${key} ${digest}`).toBe(`${key} ${stored[key]}`);
    });
  }
});
