import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `file` so that readers only ever see the old file or the whole new one: it goes
 * to a temporary file in the same folder first, then takes the final name in one rename (atomic on
 * the same file system, on Windows too). Creates missing folders.
 *
 * @example
 * writeFileAtomic('reports/grade.json', JSON.stringify(report));
 */
export function writeFileAtomic(file: string, text: string): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
