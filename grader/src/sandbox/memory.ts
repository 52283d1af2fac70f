/**
 * Resident memory of a process, read from `/proc/<pid>/status` on Linux. The V8 heap cap
 * (`--max-old-space-size`) does not cover `ArrayBuffer`s, so the grader also watches the child's
 * resident size. Elsewhere (Windows, macOS) this returns `null` and only the heap cap applies.
 */
import { readFileSync } from 'node:fs';

/** The resident set size of `pid` in MiB, or `null` when it cannot be read on this system. */
export function residentMb(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
