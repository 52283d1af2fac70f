/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import type { ExerciseResult } from '../../core/types.js';
import { t } from '../../i18n/index.js';
import { paint, useTheme } from '../theme.js';
import { StatusSymbol } from './StatusSymbol.js';

/** The props of `CheckSummary`. */
export type Props = {
  result: ExerciseResult;
  lang: Lang;
};

/** Under the overview's list: how many checks pass, and the first one that does not, with its message. */
export function CheckSummary({ result, lang }: Props) {
  const theme = useTheme();
  const passed = result.checks.filter((c) => c.status === 'pass').length;
  const first = result.checks.find((c) => c.status !== 'pass');
  return (
    <Box flexDirection="column">
      <Text color={paint(theme, 'gray')}>
        {t('ui.overview.checks', lang, { passed, total: result.checks.length })}
      </Text>
      {first ? (
        <Box>
          <StatusSymbol status={first.status} />
          <Text wrap="truncate-end">
            {' '}
            <Text bold>{first.title[lang]}</Text>
            {first.message[lang] ? `: ${first.message[lang]}` : ''}
          </Text>
        </Box>
      ) : null}
    </Box>
  );
}
