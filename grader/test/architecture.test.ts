/**
 * The folders of `src/` import one another only in the directions `.dependency-cruiser.mjs` allows,
 * and no module imports itself through others (issue #12). A failure lists every import that breaks
 * a rule, with the rule and why it exists.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import config from '../.dependency-cruiser.mjs';

const GRADER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe("the grader's layers", () => {
  it('import one another only as the rules allow, with no cycle', async () => {
    const { output } = await cruise(['src'], {
      ...config.options,
      baseDir: GRADER,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
    });
    const result = output as ICruiseResult;
    const violations = result.summary.violations.map((v) => {
      const comment = config.forbidden.find((rule) => rule.name === v.rule.name)?.comment ?? '';
      const cycle = v.cycle?.length
        ? ` (cycle: ${[v.from, ...v.cycle.map((c) => c.name)].join(' -> ')})`
        : '';
      return `${v.rule.name}: ${v.from} -> ${v.to}${cycle}\n    ${comment}`;
    });
    expect(violations.join('\n')).toBe('');
    // The rules saw the whole grader, dynamic and type-only imports included.
    const sources = result.modules.map((m) => m.source);
    expect(sources).toContain('src/cli/main.ts');
    const main = result.modules.find((m) => m.source === 'src/cli/main.ts');
    expect(main?.dependencies.some((d) => d.dynamic && d.resolved === 'src/cli/plain.ts')).toBe(true);
  });
});
