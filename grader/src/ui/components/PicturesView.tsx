/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang, Picture } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { t } from '../../i18n/index.js';
import { renderPictures } from '../../report/pictures.js';
import { paint, useTheme } from '../theme.js';

/** The props of `PicturesView`. */
export type Props = {
  pictures: readonly Picture[];
  /** How many pictures the grader dropped as malformed (said in one grey line). */
  dropped?: number;
  lang: Lang;
  /** Columns available: as many pictures side by side as fit. */
  width: number;
};

/**
 * A verdict's pictures on the details screen (06's most confident mistakes, 07's filters and feature
 * maps): as many side by side as the width allows, row after row, in the same lines as the plain
 * report; grey half blocks when the terminal has colours, the `.:+#` ramp under `NO_COLOR`. The
 * screen pages by lines (Space, PgDn), so rows below its bottom are read by paging down.
 * Each line is one `Text` whose escape codes Ink passes through (it measures widths without them).
 */
export function PicturesView({ pictures, dropped, lang, width }: Props) {
  const theme = useTheme();
  const lines = renderPictures(pictures, { lang, width: Math.max(12, width), color: theme.color });
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed drawing.
        <Text key={i} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      {dropped ? (
        <Text color={paint(theme, 'gray')}>{t('report.picturesDropped', lang, { n: dropped })}</Text>
      ) : null}
    </Box>
  );
}
