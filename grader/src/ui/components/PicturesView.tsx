/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang, Picture } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { t } from '../../i18n/index.js';
import { picturesInRow, renderPictures } from '../../report/pictures.js';
import { paint, useTheme } from '../theme.js';

/** The props of `PicturesView`. */
export type Props = {
  pictures: readonly Picture[];
  /** How many pictures the grader dropped as malformed (said in one grey line). */
  dropped?: number;
  lang: Lang;
  /** Columns available: as many pictures side by side as fit. */
  width: number;
  /** The exercise's number (`06`), for the command that shows every picture. */
  exercise: string;
};

/**
 * A verdict's pictures on the details screen (06's most confident mistakes): one row of them, as
 * many as the width allows, in the same lines as the plain report, grey half blocks when the terminal has colours, the `.:+#` ramp under `NO_COLOR`.
 * Each line is one `Text` whose escape codes Ink passes through (it measures widths without them).
 */
export function PicturesView({ pictures, dropped, lang, width, exercise }: Props) {
  const theme = useTheme();
  // One row of pictures, the first (the judge's order: 06's surest mistakes first): the screen
  // clips a check taller than itself, and j/k scroll by check, so a second row could never be seen.
  const shown = picturesInRow(pictures, Math.max(12, width));
  const lines = renderPictures(pictures.slice(0, shown), {
    lang,
    width: Math.max(12, width),
    color: theme.color,
  });
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed drawing.
        <Text key={i} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      {shown < pictures.length ? (
        <Text color={paint(theme, 'gray')}>
          {t('ui.details.morePictures', lang, { shown, total: pictures.length, id: exercise })}
        </Text>
      ) : null}
      {dropped ? (
        <Text color={paint(theme, 'gray')}>{t('report.picturesDropped', lang, { n: dropped })}</Text>
      ) : null}
    </Box>
  );
}
