/**
 * The journal of a batch: `.gradebook-progress.json` in the output folder, rewritten (atomically)
 * as each submission starts and ends, removed once the gradebook is complete, left behind by a
 * batch that was killed (a power cut, Ctrl-C, the OOM killer, a CI timeout). Its format, and how
 * it is read and written; whether a run resumes from it is `batch-resume.ts`.
 *
 * The seed is kept as a salted scrypt hash, never the seed itself: the journal is written where
 * the gradebook goes, which people other than the instructor may read. A plain SHA-256 of a
 * 10-digit seed is found in seconds by trying them all on a GPU; scrypt (N = 2^12, 10-40 ms a try
 * on one core here) makes that years of CPU time, and costs a run one or two tries. A large random
 * seed, as the README asks for, stays out of reach either way.
 *
 * Each write holds every finished row, so a batch of n submissions writes O(n^2) bytes in all
 * (about 300 bytes a row: 25 MB over a class of 200); what that buys is a file that is always whole.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '@gradschool/exercise-kit';
import { Ajv } from 'ajv';
import { writeFileAtomic } from '../fs/atomic-write.js';
import type { GradebookColumn, GradebookRow } from '../report/gradebook.js';
import { describeErrors } from '../report/schema.js';

/** The journal's name in the output folder (hidden, and a file: never taken for a submission). */
export const JOURNAL_FILE = '.gradebook-progress.json';

/** What decides the grades of a batch (what must match to resume: see `batch-resume.ts`). */
export interface RunSettings {
  seed: number;
  seedHidden: boolean;
  lang: Lang;
  filters: readonly string[];
  /** The exercises graded, in order, with their maximum points (`null` when unknown). */
  exercises: readonly { id: string; maxScore: number | null }[];
  /** `courseHash` (`batch-resume.ts`) of the repository. */
  course: string;
  /** `--before`: the deadline, ISO 8601 (`null`: the working folders were graded). */
  before: string | null;
  /** `--roster`: the roster's hash (`roster.ts`; `null`: no roster). */
  roster: string | null;
}

/** A setting that differs between a journal and this run. */
export type SettingName = 'seed' | 'lang' | 'exercises' | 'course' | 'before' | 'roster';

/** A finished submission as the journal keeps it. */
export interface JournalEntry {
  row: GradebookRow;
  /** `submissionStamp` (`batch-resume.ts`) of what was graded; `null` when it could not be read. */
  stamp: string | null;
}

/** `.gradebook-progress.json`. */
export interface JournalData {
  format: 'gradschool-batch-progress';
  version: 1;
  settings: Omit<RunSettings, 'seed' | 'filters' | 'before' | 'roster'> & {
    /** Absent in a journal written before these options existed: read as `null`. */
    before?: string | null;
    roster?: string | null;
    seed: { salt: string; scrypt: string };
    /** For people reading the file; compared through `exercises`. */
    filters: string[];
  };
  /** When the first of the runs began, and the time they spent grading. */
  startedAt: string;
  elapsedMs: number;
  columns: GradebookColumn[];
  done: JournalEntry[];
  /** Submissions being graded right now (when the process died: the ones it was grading). */
  running: string[];
  /** Set when tamper detection stopped the batch: the next run starts over. */
  tampered?: { submissions: string[]; files: string[] };
  /**
   * Set when the gradebook was written whole and the journal kept (`--resume`): only a run with
   * `--resume` builds on it; any other starts over.
   */
  complete?: true;
}

const strings = { type: 'array', items: { type: 'string' } } as const;
const ROW = {
  type: 'object',
  required: [
    'submission',
    'status',
    'score',
    'maxScore',
    'percent',
    'exercises',
    'ignoredFiles',
    'refusedFiles',
  ],
  additionalProperties: false,
  properties: {
    submission: { type: 'string' },
    status: { enum: ['graded', 'empty', 'failed'] },
    studentId: { type: 'string' },
    name: { type: 'string' },
    changedTrustedFiles: { type: 'array', items: { type: 'string' } },
    nestedIn: { type: 'string' },
    commit: { type: 'string' },
    committedAt: { type: 'string' },
    note: { type: 'string' },
    feedback: { type: 'string' },
    score: { type: 'number' },
    maxScore: { type: 'number' },
    percent: { type: 'number' },
    exercises: { type: 'object', additionalProperties: { type: 'number' } },
    ignoredFiles: { type: 'integer', minimum: 0 },
    refusedFiles: { type: 'integer', minimum: 0 },
    error: { type: 'string' },
    report: { type: 'string' },
  },
} as const;
const SCHEMA = {
  type: 'object',
  required: ['format', 'version', 'settings', 'startedAt', 'elapsedMs', 'columns', 'done', 'running'],
  properties: {
    format: { const: 'gradschool-batch-progress' },
    version: { const: 1 },
    settings: {
      type: 'object',
      required: ['seed', 'seedHidden', 'lang', 'filters', 'exercises', 'course'],
      properties: {
        seed: {
          type: 'object',
          required: ['salt', 'scrypt'],
          properties: { salt: { type: 'string' }, scrypt: { type: 'string' } },
        },
        seedHidden: { type: 'boolean' },
        lang: { enum: ['ko', 'en'] },
        filters: strings,
        exercises: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'maxScore'],
            properties: { id: { type: 'string' }, maxScore: { type: ['number', 'null'] } },
          },
        },
        course: { type: 'string' },
        before: { type: ['string', 'null'] },
        roster: { type: ['string', 'null'] },
      },
    },
    startedAt: { type: 'string' },
    elapsedMs: { type: 'number', minimum: 0 },
    columns: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'title', 'maxScore'],
        properties: { id: { type: 'string' }, title: { type: 'string' }, maxScore: { type: 'number' } },
      },
    },
    done: {
      type: 'array',
      items: {
        type: 'object',
        required: ['row', 'stamp'],
        properties: { row: ROW, stamp: { type: ['string', 'null'] } },
      },
    },
    running: strings,
    complete: { const: true },
    tampered: {
      type: 'object',
      required: ['submissions', 'files'],
      properties: { submissions: strings, files: strings },
    },
  },
} as const;

let validate: ReturnType<Ajv['compile']> | undefined;

/** Reads the journal of `outDir`: absent, unreadable (and why), or its data. */
export function readJournal(
  outDir: string,
): { kind: 'none' } | { kind: 'unreadable'; reason: string } | { kind: 'found'; data: JournalData } {
  const file = path.join(outDir, JOURNAL_FILE);
  if (!existsSync(file)) return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  validate ??= new Ajv({ allowUnionTypes: true }).compile(SCHEMA);
  if (!validate(value)) return { kind: 'unreadable', reason: describeErrors(validate.errors).join('; ') };
  return { kind: 'found', data: value as JournalData };
}

/** The seed's scrypt hash with `salt` (base64): see the top of this file for why scrypt. */
function seedHash(seed: number, salt: string): string {
  return scryptSync(`gradschool-batch-seed:${seed}`, Buffer.from(salt, 'base64'), 32, {
    N: 2 ** 12,
  }).toString('base64');
}

/** The settings of `data` that differ from `settings` (none: the journal is this run's). */
export function differences(data: JournalData, settings: RunSettings): SettingName[] {
  const differs: SettingName[] = [];
  const stored = Buffer.from(data.settings.seed.scrypt, 'base64');
  const now = Buffer.from(seedHash(settings.seed, data.settings.seed.salt), 'base64');
  if (
    stored.length !== now.length ||
    !timingSafeEqual(stored, now) ||
    data.settings.seedHidden !== settings.seedHidden
  )
    differs.push('seed');
  if (data.settings.lang !== settings.lang) differs.push('lang');
  if (JSON.stringify(data.settings.exercises) !== JSON.stringify(settings.exercises))
    differs.push('exercises');
  if (data.settings.course !== settings.course) differs.push('course');
  if ((data.settings.before ?? null) !== settings.before) differs.push('before');
  if ((data.settings.roster ?? null) !== settings.roster) differs.push('roster');
  return differs;
}

/**
 * The journal of the running batch: its state in memory, written whole (atomically) on each
 * change, so a reader (the next run) only ever sees a complete one.
 */
export class BatchJournal {
  readonly file: string;
  private readonly done = new Map<string, JournalEntry>();
  private readonly running = new Set<string>();
  private readonly columns = new Map<string, GradebookColumn>();
  private readonly runStarted = Date.now();
  private tampered: JournalData['tampered'];
  private complete = false;

  constructor(
    outDir: string,
    private readonly settings: JournalData['settings'],
    readonly startedAt: string,
    private readonly elapsedBefore: number,
  ) {
    this.file = path.join(outDir, JOURNAL_FILE);
  }

  /** A journal for `settings`; its seed hash gets a new random salt. */
  static create(outDir: string, settings: RunSettings, startedAt: string): BatchJournal {
    const salt = randomBytes(16).toString('base64');
    const { seed, filters, ...rest } = settings;
    return new BatchJournal(
      outDir,
      { ...rest, seed: { salt, scrypt: seedHash(seed, salt) }, filters: [...filters] },
      startedAt,
      0,
    );
  }

  /** The time the runs of this batch spent grading, this one included. */
  elapsedMs(): number {
    return this.elapsedBefore + (Date.now() - this.runStarted);
  }

  /** Keeps a finished submission's row, and the columns among `columns` it has points in. */
  keep(entry: JournalEntry, columns: readonly GradebookColumn[]): void {
    this.done.set(entry.row.submission, entry);
    for (const column of columns)
      if (entry.row.exercises[column.id] !== undefined) this.columns.set(column.id, column);
  }

  /** `name` is being graded now. */
  started(name: string): void {
    this.running.add(name);
    this.save();
  }

  /** `name` ended; `entry` is its row to keep (`null`: graded again next time), `columns` its exercises. */
  finished(name: string, entry: JournalEntry | null, columns: readonly GradebookColumn[] = []): void {
    this.running.delete(name);
    if (entry) this.keep({ row: structuredClone(entry.row), stamp: entry.stamp }, columns);
    this.save();
  }

  /** Tamper detection stopped the batch: the next run must not resume it. */
  stoppedByTamper(tampered: NonNullable<JournalData['tampered']>): void {
    this.tampered = tampered;
    this.save();
  }

  /** The gradebook is complete and the journal is kept for a later `--resume`. */
  keepComplete(): void {
    this.complete = true;
    this.save();
  }

  /**
   * Writes the journal. The first write (at the start) throws if the output folder is not
   * writable; later failures are ignored: the journal helps a next run, the gradebook is the result.
   */
  save(first = false): void {
    const data: JournalData = {
      format: 'gradschool-batch-progress',
      version: 1,
      settings: this.settings,
      startedAt: this.startedAt,
      elapsedMs: this.elapsedMs(),
      columns: [...this.columns.values()],
      done: [...this.done.values()],
      running: [...this.running],
      ...(this.tampered ? { tampered: this.tampered } : {}),
      ...(this.complete ? { complete: true as const } : {}),
    };
    try {
      writeFileAtomic(this.file, `${JSON.stringify(data, null, 1)}\n`);
    } catch (error) {
      if (first) throw error;
    }
  }

  /** Removes the journal (the gradebook is complete), and any temporary file a killed write left. */
  remove(): void {
    const dir = path.dirname(this.file);
    const leftovers = readdirSync(dir).filter((f) => f.startsWith(`.${JOURNAL_FILE}.`) && f.endsWith('.tmp'));
    for (const name of [JOURNAL_FILE, ...leftovers]) rmSync(path.join(dir, name), { force: true });
  }
}
