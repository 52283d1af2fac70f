/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import type { ExerciseProblem } from '../../core/types.js';
import { t } from '../../i18n/index.js';
import { paint, useTheme } from '../theme.js';

/** The props of `ProblemFrame`. */
export type Props = {
  problem: ExerciseProblem;
  lang: Lang;
};

/** Why an exercise could not run (e.g. a syntax error): the friendly message, where, and the code frame. */
export function ProblemFrame({ problem, lang }: Props) {
  const theme = useTheme();
  const where = problem.file
    ? [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':')
    : '';
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={paint(theme, 'red')} paddingX={1}>
      <Text bold color={paint(theme, 'red')}>
        ! {t('ui.problem.title', lang)}
      </Text>
      <Text>{problem.message[lang]}</Text>
      {where ? <Text color={paint(theme, 'gray')}>{where}</Text> : null}
      {problem.frame ? (
        <Box marginTop={1} flexDirection="column">
          {problem.frame.split('\n').map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text.
            <Text key={i} wrap="truncate-end">
              {line}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}
