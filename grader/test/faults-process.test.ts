/**
 * Fault injection around the grader's own process: the grader killed from outside while a child
 * busy-loops (the watchdog must end the child and remove the private folder), and watch mode, where
 * faults are saved into a file one after the other (a throw, a hang, a folder in place of the file)
 * and the watcher must name each, survive it, and grade the fixed file; stopped with Ctrl-C, it
 * leaves no child behind. `/proc` tells which children are alive: Linux only.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/index.js';
import {
  CORRECT,
  harnessPids,
  makeBase,
  privateFolders,
  removeBase,
  type StartedCli,
  sleep,
  startCli,
  studentFile,
  studentPath,
  until,
  write,
  writeCourse,
} from './faults-course.js';

let base: string;
/** Every sandbox child a test saw, to end should the protection under test fail. */
const seen = new Set<number>();

beforeAll(() => {
  base = makeBase('process');
});
afterAll(() => {
  for (const pid of seen)
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  removeBase(base);
});

/** CPU time (user + system, in clock ticks) that process `pid` has used, or -1 once it is gone. */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return -1;
  }
}

describe.skipIf(process.platform !== 'linux')('the grader killed from outside', () => {
  it('while a child busy-loops: the watchdog ends the child and removes the private folder', async () => {
    const course = path.join(base, 'killed');
    writeCourse(course, ['01-stuck', '02-right'], { timeLimitMs: 2000 });
    // Stuck at load: the child never reads its pipe again, so it cannot notice the grader is gone.
    write(studentPath(course, '01-stuck'), `while (true) {}\n${CORRECT}`);
    write(studentPath(course, '02-right'), CORRECT);
    const cli = startCli(base, course, ['--ci', '01']);
    let child = 0;
    await until(() => {
      child = harnessPids(cli.tmp)[0] ?? 0;
      return child > 0;
    }, 'a sandbox child');
    seen.add(child);
    // A second of CPU: it is in the loop, not loading (that takes a fraction of it).
    await until(() => cpuTicks(child) >= 100, 'the child to spin', 60_000);
    expect(privateFolders(cli.tmp)).toHaveLength(1);
    cli.kill('SIGKILL');
    const run = await cli.done;
    expect(run.signal).toBe('SIGKILL');
    await until(() => harnessPids(cli.tmp).length === 0, 'the watchdog to end the child', 20_000);
    await until(() => privateFolders(cli.tmp).length === 0, 'the watchdog to remove the folder', 20_000);
  }, 120_000);
});

/** The text printed since `mark` (a length of the output earlier). */
const since = (cli: StartedCli, mark: number) => cli.output().slice(mark);

/**
 * Saves into the watched file (`save`) and waits for a regrade of it to print `expected` and its
 * total; returns what was printed since the save. (A save may be seen as more than one event: the
 * regrade that says `expected` is waited for, not the first one.)
 */
async function regrade(cli: StartedCli, save: () => void, expected: string): Promise<string> {
  const mark = cli.output().length;
  save();
  const done = () => {
    const text = since(cli, mark);
    const at = text.lastIndexOf('Regrading 01-work…');
    return at >= 0 && text.indexOf(expected, at) >= 0 && text.indexOf('Total: ', at) >= 0;
  };
  await until(done, 'a regrade', 45_000).catch((error: Error) => {
    throw new Error(`${error.message} saying "${expected}"; printed:\n${since(cli, mark)}`);
  });
  const text = since(cli, mark);
  return text.slice(text.lastIndexOf('Regrading 01-work…'));
}

describe.skipIf(process.platform !== 'linux')('watch mode (plain, regrades on save)', () => {
  let course: string;
  let file: string;
  let cli: StartedCli;

  beforeAll(async () => {
    course = path.join(base, 'watch');
    writeCourse(course, ['01-work', '02-right'], { timeLimitMs: 2000 });
    file = studentPath(course, '01-work');
    write(file, CORRECT);
    write(studentPath(course, '02-right'), CORRECT);
    cli = startCli(base, course, ['--watch', '--ci'], { timeoutMs: 240_000 });
    await until(() => cli.output().includes(t('ui.watch.started', 'en')), 'the watcher to start', 60_000);
  }, 90_000);

  it('first grades the whole course', () => {
    expect(cli.output()).toContain('Total: 20/20 pts (100%)');
  });

  it('a throw saved into the file is named, and the other checks still pass', async () => {
    const boom = 'Your code threw an error: Error: boom';
    const text = await regrade(cli, () => write(file, studentFile("throw new Error('boom');")), boom);
    expect(text).toContain('✗ 01-work');
    expect(text).toContain('Total: 5/10 pts (50%)');
  });

  it('a hang saved into the file times out, and the watcher carries on', async () => {
    const text = await regrade(cli, () => write(file, studentFile('while (true) {}')), 'Did not finish');
    expect(text).toContain('Did not finish within 2 s');
    expect(text).toContain('Total: 5/10 pts (50%)');
  });

  it('a fixed file passes again', async () => {
    await regrade(cli, () => write(file, studentFile('return 0;')), 'got 0 (');
    const text = await regrade(cli, () => write(file, CORRECT), '✓ 01-work');
    expect(text).toContain('Total: 10/10 pts (100%)');
  });

  it('a folder in place of the file is named', async () => {
    const folder = () => {
      rmSync(file);
      write(path.join(file, 'inside.ts'), CORRECT);
    };
    const text = await regrade(cli, folder, 'is a directory, not a file');
    expect(text).toContain('Total: 0/10 pts (0%)');
  });

  // The watcher follows the folders, not the files (`watchStudentFiles`): a file put back is seen.
  it('the file put back in place of the folder is graded again, in full', async () => {
    const back = () => {
      rmSync(file, { recursive: true });
      write(file, CORRECT);
    };
    const text = await regrade(cli, back, '✓ 01-work');
    expect(text).toContain('Total: 10/10 pts (100%)');
  });

  // A file deleted and created again (`git checkout --`, an editor that saves by replacing).
  it('a file deleted and created again is graded again', async () => {
    rmSync(file, { force: true, recursive: true });
    await sleep(500);
    const text = await regrade(cli, () => write(file, studentFile('return 0;')), 'got 0 (');
    expect(text).toContain('Total: 5/10 pts (50%)');
  });

  it('Ctrl-C stops it, and no child or private folder survives', async () => {
    for (const pid of harnessPids(cli.tmp)) seen.add(pid);
    cli.kill('SIGINT');
    const run = await cli.done;
    expect([run.timedOut, run.signal]).toEqual([false, null]);
    // The initial grading passed; the stop is not a failure.
    expect(run.code).toBe(0);
    expect(harnessPids(cli.tmp)).toEqual([]);
    await until(() => privateFolders(cli.tmp).length === 0, 'the private folder to go', 10_000);
  });
});
