/**
 * `pnpm export-student DIR --classroom`: the workflow GitHub Classroom's autograding reads, parsed
 * (the `yaml` package) and compared with the actions' documented inputs; then each grading step's
 * command run as the command grader runs it (`execSync` through a shell, an environment of PATH and
 * HOME only, in the repository) on a report, and the points Classroom would add up compared with
 * the ladder's promise.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { discover } from '../src/core/discover.js';
import { maxScoreOfChecks } from '../src/core/score.js';
import { checksToRun, loadSuites } from '../src/core/suite.js';
import { exportStudentRepo } from '../src/instructor/export-student.js';
import { exportStudentMain } from '../src/instructor/export-student-cli.js';
import { say } from '../src/instructor/messages.js';
import {
  COMMAND_GRADER,
  GRADING_REPORTER,
  ladder,
  POINTS_SCRIPT,
} from '../src/instructor/templates/classroom-ci.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The actions' inputs as their documentation states them (action.yml and README of
 * classroom-resources/autograding-command-grader and autograding-grading-reporter, v1).
 */
const DOCUMENTED = {
  [COMMAND_GRADER]: {
    inputs: ['test-name', 'setup-command', 'command', 'timeout', 'max-score'],
    required: ['test-name', 'command'],
  },
  [GRADING_REPORTER]: { inputs: ['runners'], required: ['runners'] },
} as const;

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}

let base: string;
let outDir: string;
let workflow: {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { if: string; steps: Step[] }>;
};
let steps: Step[];
let points: Map<string, number>;

beforeAll(async () => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gradschool-classroom-')));
  outDir = path.join(base, 'class');
  await exportStudentRepo({ root: ROOT, outDir, lockfile: false, classroom: true });
  workflow = parse(readFileSync(path.join(outDir, '.github/workflows/classroom.yml'), 'utf8'));
  steps = Object.values(workflow.jobs)[0]!.steps;
  // The exercises' public points, computed here from their checks.
  const { exercises } = await discover(ROOT);
  const suites = await loadSuites(exercises, ROOT);
  points = new Map(
    exercises.map((e) => {
      const suite = suites.get(e.id)!;
      return [e.id, 'checks' in suite ? maxScoreOfChecks(checksToRun(suite, false)) : 0];
    }),
  );
}, 120_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

const graders = () => steps.filter((s) => s.uses === COMMAND_GRADER);

describe('export-student --classroom', () => {
  it('writes classroom.yml and its script instead of grade.yml', () => {
    expect(existsSync(path.join(outDir, '.github/workflows/classroom.yml'))).toBe(true);
    expect(existsSync(path.join(outDir, POINTS_SCRIPT))).toBe(true);
    expect(existsSync(path.join(outDir, '.github/workflows/grade.yml'))).toBe(false);
  });

  it('is a workflow Classroom runs: on push, with checks: write, not for its own bot', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'repository_dispatch']));
    expect(workflow.permissions).toEqual({ checks: 'write', actions: 'read', contents: 'read' });
    expect(Object.values(workflow.jobs)[0]!.if).toBe("github.actor != 'github-classroom[bot]'");
  });

  it('gives every action only its documented inputs, and every required one', () => {
    const actions = steps.filter((s) => s.uses && s.uses in DOCUMENTED);
    expect(actions.length).toBeGreaterThan(1);
    for (const step of actions) {
      const doc = DOCUMENTED[step.uses as keyof typeof DOCUMENTED];
      const given = Object.keys(step.with ?? {});
      expect(given.filter((input) => !(doc.inputs as readonly string[]).includes(input))).toEqual([]);
      for (const input of doc.required) expect(given).toContain(input);
    }
    for (const step of graders()) {
      // `max-score` is read with parseInt and `timeout` in minutes: whole points, a sane limit.
      expect(Number.isInteger(step.with!['max-score'])).toBe(true);
      expect(step.with!['max-score']).toBeGreaterThan(0);
      expect(step.with!.timeout).toBeGreaterThan(0);
    }
  });

  it("has one ladder per exercise whose steps add up to the exercise's public points", () => {
    for (const [id, max] of points) {
      const mine = graders().filter((s) => String(s.with!.command).includes(` ${id} `));
      expect(mine.length).toBe(Math.min(4, max));
      expect(mine.reduce((sum, s) => sum + Number(s.with!['max-score']), 0)).toBe(max);
    }
    const total = graders().reduce((sum, s) => sum + Number(s.with!['max-score']), 0);
    expect(total).toBe([...points.values()].reduce((a, b) => a + b, 0));
  });

  it("names every grading step in the reporter's runners, with its result in <ID>_RESULTS", () => {
    const ids = graders().map((s) => s.id!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    const reporter = steps.find((s) => s.uses === GRADING_REPORTER)!;
    expect(String(reporter.with!.runners).split(',')).toEqual(ids);
    expect(reporter.env).toEqual(
      Object.fromEntries(
        ids.map((id) => [`${id.toUpperCase()}_RESULTS`, `\${{ steps.${id}.outputs.result }}`]),
      ),
    );
    // After every grading step.
    expect(steps.indexOf(reporter)).toBeGreaterThan(steps.indexOf(graders().at(-1)!));
  });

  it('grades once with the secret seed, after a cached install, and never stops at a failing check', () => {
    const names = steps.map((s) => s.uses ?? s.run ?? '');
    const cache = names.findIndex((n) => n.startsWith('actions/cache@'));
    const install = names.indexOf('pnpm install --frozen-lockfile');
    const grade = steps.find((s) => s.name === 'Grade')!;
    expect(cache).toBeGreaterThan(-1);
    expect(cache).toBeLessThan(install);
    expect(steps[cache]!.with!.key).toContain("hashFiles('pnpm-lock.yaml')");
    expect(grade.run).toBe('pnpm grade --ci --json report.json --junit junit.xml');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a template
    expect(grade.env).toEqual({ GRADE_SEED: '${{ secrets.GRADE_SEED }}' });
    expect(grade['continue-on-error']).toBe(true);
    expect(steps.indexOf(grade)).toBeLessThan(steps.indexOf(graders()[0]!));
    // The seed never appears in a command (the command grader passes it no environment anyway).
    for (const step of graders()) expect(String(step.with!.command)).not.toContain('GRADE_SEED');
  });

  it('awards, per exercise, the highest rung its points reach, as the command grader runs the steps', () => {
    const [first, second] = [...points.keys()];
    const max1 = points.get(first!)!;
    const max2 = points.get(second!)!;
    const report = {
      exercises: [...points].map(([id, max]) => ({
        id,
        maxScore: max,
        // first: one point short of its top rung; second: all of it; the others: nothing.
        score: id === first ? max1 - 1 : id === second ? max2 : 0,
      })),
    };
    writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report));
    let awarded = 0;
    const outputs: string[] = [];
    for (const step of graders()) {
      try {
        outputs.push(
          execSync(String(step.with!.command), {
            cwd: outDir,
            env: { PATH: process.env.PATH, HOME: process.env.HOME },
            encoding: 'utf8',
          }),
        );
        awarded += Number(step.with!['max-score']);
      } catch {}
    }
    const rungs = ladder({ id: first!, points: max1 });
    const expected = (rungs.at(-2)?.atLeast ?? 0) + max2;
    expect(awarded).toBe(expected);
    expect(outputs[0]).toContain(`실습 ${first}: ${max1 - 1}/${max1}점`);
    expect(outputs[0]).toContain(`Exercise ${first}: ${max1 - 1}/${max1} points`);
  });

  it('fails every step, saying why, when the report is missing or its points differ', () => {
    rmSync(path.join(outDir, 'report.json'), { force: true });
    const command = String(graders()[0]!.with!.command);
    const run = (cmd: string) => {
      try {
        execSync(cmd, { cwd: outDir, env: { PATH: process.env.PATH }, encoding: 'utf8', stdio: 'pipe' });
        return { code: 0, out: '' };
      } catch (error) {
        const e = error as { status: number; stdout: string };
        return { code: e.status, out: e.stdout };
      }
    };
    const missing = run(command);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('No grading report (report.json)');
    const [id, max] = [...points][0]!;
    writeFileSync(
      path.join(outDir, 'report.json'),
      JSON.stringify({ exercises: [{ id, maxScore: max + 1, score: max + 1 }] }),
    );
    const changed = run(command);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain(`worth ${max + 1} points now, not the ${max}`);
  });

  it('cuts an exercise into at most four whole shares, larger ones last', () => {
    expect(ladder({ id: '02-and-gate', points: 19 }).map((r) => [r.atLeast, r.share])).toEqual([
      [4, 4],
      [9, 5],
      [14, 5],
      [19, 5],
    ]);
    expect(ladder({ id: 'x', points: 2 }).map((r) => [r.atLeast, r.share])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(ladder({ id: 'x', points: 0 })).toEqual([]);
    expect(ladder({ id: '03-softmax', points: 32 })[0]!.stepId).toBe('ex_03_softmax_1');
  });

  it('is named in the usage, and the export says how many steps and points it wrote', async () => {
    let out = '';
    const code = await exportStudentMain(['--help', '--lang', 'en'], {
      cwd: base,
      env: {},
      out: (t) => (out += t),
    });
    expect(code).toBe(0);
    expect(out).toContain('--classroom: .github/workflows/classroom.yml');
    const again = await exportStudentRepo({
      root: ROOT,
      outDir: path.join(base, 'again'),
      lockfile: false,
      classroom: true,
    });
    const total = [...points.values()].reduce((a, b) => a + b, 0);
    expect(again.classroom).toEqual({ steps: graders().length, points: total });
    expect(say('classroomWritten', 'ko', again.classroom!)).toContain(
      `채점 단계 ${graders().length}개, 합계 ${total}점`,
    );
  });
});
