/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { t } from '../../i18n/index.js';
import type { RunningCheck as Running } from '../state.js';
import { paint, useTheme } from '../theme.js';
import { Spinner } from './Spinner.js';

/** The props of `RunningCheck`. */
export type Props = {
  /** The check running now; undefined between checks (the child is starting, or loading the file). */
  check: Running | undefined;
  lang: Lang;
  /** The clock (tests pass a fixed one). */
  now?: () => number;
};

/** Seconds with one decimal (`1.2`), for the elapsed time and the limit. */
export function seconds(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(1);
}

/**
 * The text of the line: which check runs, and its time against its limit, e.g.
 * `검사 4/14 실행 중: 소프트맥스 · 1.2초 / 제한 5초`. A slow or looping check is visible as it runs,
 * instead of the last run's results until the limit kills it.
 */
export function runningCheckText(check: Running, lang: Lang, now: number): string {
  return t('ui.running.check', lang, {
    index: check.index ?? '?',
    total: check.total ?? '?',
    title: check.title?.[lang] ?? check.checkId,
    elapsed: seconds(now - check.startedAt),
    limit: check.limitMs === undefined ? '?' : seconds(check.limitMs),
  });
}

/** A spinner with the running check and its elapsed time, redrawn a few times a second. */
export function RunningCheck({ check, lang, now = Date.now }: Props) {
  const theme = useTheme();
  const [time, setTime] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), 200);
    return () => clearInterval(timer);
  }, [now]);
  // A check that started after the last tick would otherwise show a negative time.
  const at = Math.max(time, check?.startedAt ?? 0);
  const overLimit = check?.limitMs !== undefined && at - check.startedAt > check.limitMs * 0.5;
  return (
    <Box>
      <Spinner />
      <Text color={paint(theme, overLimit ? 'yellow' : 'gray')} wrap="truncate-end">
        {' '}
        {check ? runningCheckText(check, lang, at) : t('ui.running.starting', lang)}
      </Text>
    </Box>
  );
}
