import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckStatus, ExerciseStatus } from '../src/core/types.js';
import { GraderError } from '../src/errors.js';
import { toJsonReport, writeJsonReport } from '../src/report/json.js';
import { validateJsonReport } from '../src/report/schema.js';
import { everyStatusReport, fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gradschool-json-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('toJsonReport', () => {
  it('has the keys of the design, with texts in the chosen language', () => {
    const json = toJsonReport(everyStatusReport(), 'en');
    expect(json).toMatchObject({ version: 1, seed: 12345, lang: 'en', score: 5, maxScore: 21, percent: 24 });
    expect(json.ignoredFiles).toEqual(['exercises/03-softmax/checks.ts', 'notes.txt']);
    const softmax = json.exercises[1];
    expect(softmax?.title).toBe('Softmax and losses');
    expect(softmax?.checks[1]).toMatchObject({
      id: 'softmax-lecture-example',
      status: 'fail',
      message: 'softmax([1,1,2]) differs at [2]',
      expected: '[0.21194156, 0.21194156, 0.57611688]',
    });
    expect(softmax?.checks[3]?.skippedBecause).toBe('cross-entropy');
    expect(json.exercises[4]?.problem).toMatchObject({ code: 'SYNTAX', message: 'Syntax error', line: 3 });
    expect(toJsonReport(everyStatusReport(), 'ko').exercises[1]?.title).toBe('Softmax와 손실 함수');
  });

  it('is valid against the schema for every check and exercise status', () => {
    const checkStatuses: CheckStatus[] = ['pass', 'fail', 'error', 'timeout', 'todo'];
    const exerciseStatuses: ExerciseStatus[] = ['pass', 'fail', 'todo', 'error'];
    for (const status of exerciseStatuses) {
      const checks = checkStatuses.map((s) => fakeCheck({ id: `c-${s}`, status: s }));
      const report = fakeReport([fakeExercise({ id: '01-x', status, checks })]);
      for (const lang of ['ko', 'en'] as const)
        expect(validateJsonReport(toJsonReport(report, lang))).toEqual([]);
    }
    expect(validateJsonReport(toJsonReport(everyStatusReport(), 'ko'))).toEqual([]);
    const refused = toJsonReport(everyStatusReport(), 'en', {
      refusedFiles: [{ path: 'exercises/x/src/a.ts', reason: { ko: '심볼릭 링크', en: 'a symlink' } }],
    });
    expect(refused.refusedFiles).toEqual([{ path: 'exercises/x/src/a.ts', reason: 'a symlink' }]);
    expect(validateJsonReport(refused)).toEqual([]);
  });

  it('turns NaN and Infinity (a diverged loss) into JSON-safe values', () => {
    const check = fakeCheck({
      id: 'c',
      status: 'fail',
      chart: {
        title: { ko: '손실', en: 'loss' },
        series: [{ name: 'sgd', values: [1, Number.NaN, Infinity] }],
      },
      table: { head: ['a'], rows: [[Number.NaN]] },
    });
    const json = toJsonReport(
      fakeReport([fakeExercise({ id: '01-x', status: 'fail', checks: [check] })]),
      'en',
    );
    expect(json.exercises[0]?.checks[0]?.chart?.series[0]?.values).toEqual([1, null, null]);
    expect(json.exercises[0]?.checks[0]?.table?.rows).toEqual([['NaN']]);
    expect(validateJsonReport(json)).toEqual([]);
  });

  it('the schema rejects what it should', () => {
    const json = toJsonReport(everyStatusReport(), 'en') as unknown as Record<string, unknown>;
    expect(validateJsonReport({ ...json, version: 2 })).not.toEqual([]);
    expect(validateJsonReport({ ...json, lang: 'fr' })).not.toEqual([]);
    expect(validateJsonReport({ ...json, startedAt: 'yesterday' })).not.toEqual([]);
    const { seed: _seed, ...noSeed } = json;
    expect(validateJsonReport(noSeed).join()).toContain('seed');
  });
});

describe('writeJsonReport', () => {
  it('writes a valid report, atomically, leaving no temporary file', () => {
    const file = join(dir, 'nested', 'grade.json');
    writeJsonReport(everyStatusReport(), 'ko', file);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.lang).toBe('ko');
    expect(validateJsonReport(written)).toEqual([]);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['grade.json']);
  });

  it('throws an internal GraderError and writes nothing when the report does not validate', () => {
    const file = join(dir, 'grade.json');
    const broken = everyStatusReport();
    broken.exercises[0]!.checks[0]!.score = -1;
    let caught: unknown;
    try {
      writeJsonReport(broken, 'en', file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraderError);
    expect((caught as GraderError).code).toBe('internal');
    expect((caught as GraderError).localized.ko).toContain('채점기');
    expect((caught as Error).message).toContain('/exercises/0/checks/0/score');
    expect(existsSync(file)).toBe(false);
  });
});
