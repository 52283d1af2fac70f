/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { type MessageKey, t } from '../../i18n/index.js';
import { paint, useTheme } from '../theme.js';

export type Props = {
  lang: Lang;
};

const LINES: MessageKey[] = [
  'ui.help.move',
  'ui.help.open',
  'ui.help.back',
  'ui.help.hint',
  'ui.help.regrade',
  'ui.help.lang',
  'ui.help.quit',
];

/** Every key, one per line (`?` opens and closes it). */
export function HelpScreen({ lang }: Props) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={paint(theme, 'cyan')} paddingX={1}>
      <Text bold>{t('ui.help.title', lang)}</Text>
      {LINES.map((key) => (
        <Text key={key}>{t(key, lang)}</Text>
      ))}
      <Text> </Text>
      <Text>{t('ui.help.watch', lang)}</Text>
      <Text color={paint(theme, 'gray')}>{t('ui.help.close', lang)}</Text>
    </Box>
  );
}
