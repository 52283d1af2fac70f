/**
 * The class roster (`--roster roster.csv`): who the submission folders belong to. A CSV file (UTF-8,
 * with or without a byte-order mark, as Excel and Google Sheets save it) with a header row naming
 * three columns, in any order (case does not matter; other columns are ignored):
 *
 * - the folder or GitHub user: `folder`, `github`, `github_username`, `login`, `username` or `폴더`;
 * - the student id: `student_id`, `id`, `sis_id` or `학번`;
 * - the name: `name` or `이름` (optional).
 *
 * A folder matches a roster entry when its name is the entry's folder, or ends in `-` and the entry
 * (GitHub Classroom names a student's repository `ASSIGNMENT-USERNAME`), ignoring case, both
 * NFC-normalised (macOS writes Korean file names decomposed, NFD).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraderError } from '../errors.js';
import { both } from '../i18n/index.js';

/** One student of the roster. */
export interface RosterEntry {
  /** The submission folder or GitHub user name, NFC. */
  folder: string;
  studentId: string;
  name: string;
}

/** A roster read from its file. */
export interface Roster {
  entries: RosterEntry[];
  /** A SHA-256 of the entries, so a resumed batch can tell that the roster changed. */
  hash: string;
}

const HEADERS = {
  folder: ['folder', 'github', 'github_username', 'github username', 'login', 'username', '폴더'],
  studentId: ['student_id', 'student id', 'id', 'sis_id', 'sis user id', '학번'],
  name: ['name', 'student', '이름'],
} as const;

/** Text in the one form Korean names compare equal in (NFC), without surrounding spaces. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * The records of a CSV text (RFC 4180: quoted fields may hold commas, quotes as `""` and line
 * breaks; `\r\n` or `\n` line ends). Blank lines are dropped.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  record.push(field);
  records.push(record);
  return records.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** The index of the column whose header is one of `names`, or -1. */
function column(head: readonly string[], names: readonly string[]): number {
  return head.findIndex((cell) => names.includes(normalizeName(cell).toLowerCase()));
}

/**
 * Reads the roster at `file`. Throws a `GraderError` (`usage`) naming the problem: unreadable,
 * no folder or id column, a folder listed twice.
 */
export function readRoster(file: string): Roster {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new GraderError(
      'usage',
      both('report.roster.unreadable', { file, reason: (error as Error).message }),
    );
  }
  const [head = [], ...records] = parseCsv(text);
  const at = {
    folder: column(head, HEADERS.folder),
    studentId: column(head, HEADERS.studentId),
    name: column(head, HEADERS.name),
  };
  if (at.folder < 0 || at.studentId < 0)
    throw new GraderError('usage', both('report.roster.columns', { file, found: head.join(', ') }));
  const entries: RosterEntry[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const folder = normalizeName(record[at.folder] ?? '');
    if (folder === '') continue;
    const key = folder.toLowerCase();
    if (seen.has(key)) throw new GraderError('usage', both('report.roster.duplicate', { file, folder }));
    seen.add(key);
    entries.push({
      folder,
      studentId: normalizeName(record[at.studentId] ?? ''),
      name: at.name < 0 ? '' : normalizeName(record[at.name] ?? ''),
    });
  }
  const hash = createHash('sha256').update(JSON.stringify(entries)).digest('base64');
  return { entries, hash };
}

/**
 * The roster entry a submission folder belongs to (see the top of this file), or `undefined`. An
 * exact name wins over a `ASSIGNMENT-USERNAME` suffix; of several suffixes, the longest.
 */
export function rosterEntryFor(roster: Roster, folder: string): RosterEntry | undefined {
  const name = normalizeName(folder).toLowerCase();
  const exact = roster.entries.find((e) => e.folder.toLowerCase() === name);
  if (exact) return exact;
  return roster.entries
    .filter((e) => name.endsWith(`-${e.folder.toLowerCase()}`))
    .sort((a, b) => b.folder.length - a.folder.length)[0];
}
