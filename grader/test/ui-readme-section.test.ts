/** The README line a stuck student is sent to: the task heading in each language. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskSectionLines } from '../src/ui/readme-section.js';

describe('taskSectionLines', () => {
  it('finds the Korean and the English task heading', () => {
    const readme =
      '# 03 · 소프트맥스\n\n## 구현할 것 (`src/softmax.ts`)\n\n# 03 · Softmax\n## What to implement: `src/softmax.ts`\n';
    expect(taskSectionLines(readme)).toEqual({ ko: 3, en: 6 });
  });

  it('gives nothing for a README without those headings', () => {
    expect(taskSectionLines('# x\n## Something else\n')).toEqual({});
  });

  it('finds both headings in every exercise of the course', () => {
    const exercises = path.resolve(import.meta.dirname, '../../exercises');
    for (const id of ['01-perceptron', '02-and-gate', '03-softmax', '04-mlp-xor', '05-optimizers']) {
      const found = taskSectionLines(readFileSync(path.join(exercises, id, 'README.md'), 'utf8'));
      expect([id, Object.keys(found).sort()]).toEqual([id, ['en', 'ko']]);
    }
  });
});
