/** Path helpers that read the same on Windows and POSIX. */
import path from 'node:path';

/** `/`-separated, for paths that read the same on Windows. */
export const toPosix = (p: string) => p.split(path.sep).join('/');

/** True when `target` is `base` or inside it. */
export function isInside(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
