/**
 * The wire between the grader and a sandbox child: two plain pipes, one each way, carrying frames
 * of a 4-byte little-endian length and a V8-serialized message (structured clone: NaN, typed arrays,
 * shared references survive).
 *
 * Why not Node's IPC channel (`fork`, `process.send`): in the child, student code shares the
 * harness's JavaScript realm, and Node's channel is reachable from it (`process._send`,
 * `process.channel`'s handle, the serializer's prototypes), so it could write frames of any size
 * that the parent's Node would buffer and deserialize before the grader saw a byte. Here the parent
 * reads the length first and refuses a frame over {@link MAX_FRAME_BYTES} before keeping it, and
 * what it deserializes is then checked against a schema (`messages.ts`).
 */
import v8 from 'node:v8';

/** The largest frame either side accepts: far above any honest answer (the course's are < 1 MiB). */
export const MAX_FRAME_BYTES = 32 * 1024 * 1024;

const HEADER_BYTES = 4;

/** A frame: the length, then the serialized message. */
export function encodeFrame(payload: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.set(payload, HEADER_BYTES);
  return frame;
}

/** What went wrong with the bytes on a pipe. */
export type FrameProblem = { kind: 'too-large'; bytes: number } | { kind: 'malformed'; reason: string };

/**
 * Cuts a byte stream into frames and deserializes them, refusing a frame longer than `maxBytes`
 * as soon as its header arrives (nothing of it is kept). After a problem it stops for good: the
 * stream can no longer be trusted to be in step. A frame's chunks are joined once, when it is whole:
 * joining at every chunk copied 06-mnist's 16 MB input ~250 times, 5.6 s of a 13 s check (measured).
 *
 * @example
 * ```ts
 * const reader = new FrameReader((message) => handle(message), (problem) => kill(problem));
 * child.stdio[4].on('data', (chunk) => reader.push(chunk));
 * ```
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private failed = false;

  constructor(
    private readonly onMessage: (message: unknown) => void,
    private readonly onProblem: (problem: FrameProblem) => void,
    private readonly maxBytes = MAX_FRAME_BYTES,
    /** The child passes the `v8.deserialize` it captured before student code could replace it. */
    private readonly deserialize: (frame: Buffer) => unknown = v8.deserialize,
  ) {}

  /** Takes the next bytes read from the pipe. */
  push(chunk: Buffer): void {
    if (this.failed) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (!this.failed && this.buffered >= HEADER_BYTES) {
      const head = this.peek(HEADER_BYTES);
      const length = head.readUInt32LE(0);
      if (length > this.maxBytes) {
        this.fail({ kind: 'too-large', bytes: length });
        return;
      }
      if (this.buffered < HEADER_BYTES + length) return;
      const frame = this.take(HEADER_BYTES + length).subarray(HEADER_BYTES);
      let message: unknown;
      try {
        message = this.deserialize(frame);
      } catch (error) {
        this.fail({ kind: 'malformed', reason: (error as Error).message });
        return;
      }
      this.onMessage(message);
    }
  }

  private fail(problem: FrameProblem): void {
    this.failed = true;
    this.chunks = [];
    this.buffered = 0;
    this.onProblem(problem);
  }

  private peek(n: number): Buffer {
    if (this.chunks[0]!.length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return all.subarray(0, n);
  }
}
