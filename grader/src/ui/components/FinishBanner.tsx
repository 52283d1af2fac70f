/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { t } from '../../i18n/index.js';
import { paint, useTheme } from '../theme.js';

/** The props of `FinishBanner`. */
export type Props = {
  score: number;
  maxScore: number;
  lang: Lang;
};

/** The ending: every exercise passes, and what to do next. */
export function FinishBanner({ score, maxScore, lang }: Props) {
  const theme = useTheme();
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
