/**
 * The progress of `pnpm grade --batch`: how many submissions are done out of how many, the rate
 * (submissions per minute, over this run's gradings only: resumed rows cost nothing) and the time
 * left at that rate. On a terminal, one bar line redrawn in place under the submissions' lines; in
 * CI or into a file, a plain line every twentieth of the class (a log must not be redrawn).
 */
import type { Lang } from '@gradschool/exercise-kit';
import { t } from '../i18n/index.js';
import { fitWidth } from '../report/text.js';

/** Options of {@link BatchProgress}. */
export interface BatchProgressOptions {
  lang: Lang;
  /** Where the lines go (the CLI's stdout). */
  write: (text: string) => void;
  /** A terminal: redraw one bar line. Else: plain lines. */
  tty: boolean;
  /** The terminal's width, for the bar (default 80). */
  columns?: number;
  /** Milliseconds now (tests pass a fake clock). */
  now?: () => number;
}

/** The bar's width in cells, without the counts and times beside it. */
const BAR_CELLS = 24;
/** ANSI: carriage return, then erase the whole line (the bar's line). */
const CLEAR_LINE = '\r\u001b[2K';

/** `seconds` as "4분 10초" / "4 min 10 s" (hours past 60 minutes). */
export function formatDuration(seconds: number, lang: Lang): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (hours > 0) return t('report.batch.hoursMinutes', lang, { h: hours, m: minutes });
  if (minutes > 0) return t('report.batch.minutesSeconds', lang, { m: minutes, s: secs });
  return t('report.batch.seconds', lang, { s: secs });
}

/**
 * Counts submissions as they end and shows the progress.
 *
 * @example
 * ```ts
 * const progress = new BatchProgress({ lang: 'ko', tty: Boolean(process.stdout.isTTY), write: (s) => process.stdout.write(s) });
 * progress.start({ total: 60, kept: 0, jobs: 2 });
 * progress.line('alice: 142/142 (graded)'); // after each submission
 * progress.end();
 * ```
 */
export class BatchProgress {
  private total = 0;
  private done = 0;
  /** Graded in this run (not resumed): the rate counts only these. */
  private gradedNow = 0;
  private started = 0;
  private readonly now: () => number;

  constructor(private readonly options: BatchProgressOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The batch starts: `kept` rows come from the journal and count as done already. */
  start(info: { total: number; kept: number; jobs: number }): void {
    this.total = info.total;
    this.done = 0;
    this.started = this.now();
    const { lang } = this.options;
    this.options.write(
      `${t('report.batch.starting', lang, { total: info.total - info.kept, jobs: info.jobs })}\n`,
    );
    if (this.options.tty) this.options.write(this.status());
  }

  /** A submission ended (`resumed`: its row was kept from the journal); `text` is its line. */
  line(text: string, resumed = false): void {
    this.done += 1;
    if (!resumed) this.gradedNow += 1;
    if (this.options.tty) {
      this.options.write(`${CLEAR_LINE}${text}\n${this.status()}`);
      return;
    }
    this.options.write(`${text}\n`);
    // A twentieth of the class at a time (each one in a class of up to 20), and always the last.
    const every = Math.max(1, Math.ceil(this.total / 20));
    if (!resumed && (this.done % every === 0 || this.done === this.total))
      this.options.write(`[${this.status()}]\n`);
  }

  /** The batch ended: the bar's line is cleared (the gradebook is printed next). */
  end(): void {
    if (this.options.tty) this.options.write(CLEAR_LINE);
  }

  /** Submissions per minute in this run, or `null` before the first one ended. */
  rate(): number | null {
    const minutes = (this.now() - this.started) / 60_000;
    return this.gradedNow > 0 && minutes > 0 ? this.gradedNow / minutes : null;
  }

  /** "12/60 · 3.1/min · about 4 min 10 s left", with the bar in front on a terminal. */
  status(): string {
    const { lang } = this.options;
    const rate = this.rate();
    const left = this.total - this.done;
    const eta =
      left === 0
        ? t('report.batch.etaDone', lang)
        : rate === null
          ? t('report.batch.etaUnknown', lang)
          : t('report.batch.etaLeft', lang, { time: formatDuration((left / rate) * 60, lang) });
    const text = t('report.batch.progress', lang, {
      done: this.done,
      total: this.total,
      rate: rate === null ? '–' : rate.toFixed(1),
      eta,
    });
    if (!this.options.tty) return text;
    const filled = this.total === 0 ? BAR_CELLS : Math.round((this.done / this.total) * BAR_CELLS);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
    // Never wider than the terminal: a wrapped bar line could not be redrawn in place.
    const width = Math.max(10, (this.options.columns ?? 80) - 1);
    return fitWidth(`${bar} ${text}`, width);
  }
}
