/**
 * Peak memory of a process and all its descendants (the grader runs checks in child processes):
 * the sum of their resident set sizes, sampled from `/proc` every few milliseconds. Linux only;
 * elsewhere the sampler reports nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every running process. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // the command name may hold spaces: the fields after its closing parenthesis are fixed
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(name), Number(after[1]));
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Total RSS of `root` and its descendants right now. */
export function treeRssBytes(root: number): number {
  const parentOf = parents();
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) total += rssBytes(pid);
  return total;
}

/** Samples `root`'s tree until stopped; `stop()` returns the peak in bytes (0 when /proc is missing). */
export function sampleTreePeak(root: number, everyMs = 20): { stop(): number } {
  if (!existsSync('/proc/self/status')) return { stop: () => 0 };
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(root));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
