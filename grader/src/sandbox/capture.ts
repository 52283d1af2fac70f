/**
 * What student code prints, captured per check in the sandbox child: the first `OUTPUT_LIMIT`
 * characters are kept, the rest only counted, so a print loop cannot flood the grader.
 */
import { OUTPUT_LIMIT } from './messages.js';

export class OutputCapture {
  private kept = '';
  private dropped = 0;

  /** Adds a chunk written to stdout or stderr; returns the part that was kept (maybe empty). */
  add(chunk: unknown): string {
    const text =
      typeof chunk === 'string'
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('utf8')
          : String(chunk);
    const room = Math.max(0, OUTPUT_LIMIT - this.kept.length);
    const kept = text.slice(0, room);
    this.kept += kept;
    this.dropped += text.length - kept.length;
    return kept;
  }

  /** The kept text and how many characters were dropped; empties the capture. */
  take(): { output: string; droppedChars: number } {
    const taken = { output: this.kept, droppedChars: this.dropped };
    this.kept = '';
    this.dropped = 0;
    return taken;
  }
}
