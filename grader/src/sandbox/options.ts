/** What the grader's side of a sandbox child takes and gives back (see `sandbox.ts`). */
import type { Localized } from '@gradschool/exercise-kit';
import type { SerializedError } from './messages.js';

export type { SpawnOptions } from './spawn.js';

export interface SandboxOptions {
  /** The exercise's checks, bundled (`bundle.ts` `checksBundle`): the probes run from it. */
  checksCode: string;
  /** The student's module, bundled (`bundle.ts` `studentBundle`). */
  studentCode: string;
  /** V8 heap cap, MiB. */
  heapMb: number;
  /** Resident-memory cap, MiB (catches big typed arrays the heap cap misses). */
  rssMb: number;
  /** How long loading the modules may take. */
  loadTimeoutMs: number;
}

/** Captured output: the kept text and how many more characters there were. */
export interface Captured {
  output: string;
  droppedChars: number;
}

/** What became of one probe (or of loading, for `load`). */
export type Outcome = Captured &
  (
    | { kind: 'value'; value: unknown; unhandled: SerializedError[] }
    | { kind: 'threw'; error: SerializedError; unhandled: SerializedError[] }
    | {
        kind: 'timeout';
        ms: number;
        /**
         * The child said it began the probe. False: it never took the request in (a probe that
         * cannot have hung on its own: something earlier broke the child, see `slot.ts`).
         */
        began: boolean;
      }
    | { kind: 'crashed'; how: string; outOfMemory: boolean }
    | { kind: 'bad-answer'; reason: Localized }
  );
