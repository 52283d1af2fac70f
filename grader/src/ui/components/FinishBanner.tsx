/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { t } from '../../i18n/index.js';
import type { NotSelected } from '../session.js';
import { paint, useTheme } from '../theme.js';

/** The props of `FinishBanner`. */
export type Props = {
  score: number;
  maxScore: number;
  lang: Lang;
  /** Exercises the filters left out of this run: then it is not the end of the course. */
  notSelected?: NotSelected[];
};

/**
 * The ending: every exercise passes, and what to do next. With filters (`pnpm grade 01`) only the
 * selected exercises were graded, so it says that, names the ones left, and does not suggest
 * pushing the finished course.
 */
export function FinishBanner({ score, maxScore, lang, notSelected = [] }: Props) {
  const theme = useTheme();
  if (notSelected.length > 0) {
    return (
      <Box flexDirection="column" borderStyle="round" borderColor={paint(theme, 'green')} paddingX={1}>
        <Text bold color={paint(theme, 'green')}>
          {t('ui.finish.selectedTitle', lang, { score, max: maxScore })}
        </Text>
        <Text>{t('ui.finish.remaining', lang, { n: notSelected.length })}</Text>
        {notSelected.map((ex) => (
          <Text key={ex.id} wrap="truncate-end">
            • {String(ex.order).padStart(2, '0')} {ex.title[lang]}
          </Text>
        ))}
        <Text>{t('ui.finish.gradeAll', lang)}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={paint(theme, 'green')} paddingX={1}>
      <Text bold color={paint(theme, 'green')}>
        {t('ui.finish.title', lang, { score, max: maxScore })}
      </Text>
      <Text>{t('ui.finish.next', lang)}</Text>
      <Text>{t('ui.finish.push', lang)}</Text>
      <Text>{t('ui.finish.seed', lang)}</Text>
    </Box>
  );
}
