/** What the grader's side of a sandbox child takes and gives back (see `sandbox.ts`). */
import type { SerializedError } from './messages.js';

/** What a child needs when it starts, before it knows which exercise it will load. */
export type SpawnOptions = Pick<SandboxOptions, 'cwd' | 'heapMb'>;

export interface SandboxOptions {
  /** The exercise's checks module (absolute). */
  checksPath: string;
  /** The module handed to the probes (absolute). */
  studentPath: string;
  /** The child's working directory (the exercise's folder). */
  cwd: string;
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

/** What became of one probe (or of loading, for `start`). */
export type Outcome = Captured &
  (
    | { kind: 'value'; value: unknown; unhandled: SerializedError[] }
    | { kind: 'threw'; error: SerializedError; unhandled: SerializedError[] }
    | { kind: 'timeout'; ms: number }
    | { kind: 'crashed'; how: string; outOfMemory: boolean }
    | { kind: 'bad-answer'; reason: string }
  );
