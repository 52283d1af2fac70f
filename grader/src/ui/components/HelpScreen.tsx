/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, Text } from 'ink';
import { type MessageKey, t } from '../../i18n/index.js';
import { paint, useTheme } from '../theme.js';

/** The props of `HelpScreen`. */
export type Props = {
  lang: Lang;
};

/** Each key (the same in both languages) and what it does. */
const LINES: [string, MessageKey][] = [
  ['↑ ↓  j k', 'ui.help.move'],
  ['Enter  →', 'ui.help.open'],
  ['Esc  ←', 'ui.help.back'],
  ['Space PgDn  b PgUp', 'ui.help.page'],
  ['h', 'ui.help.hint'],
  ['r', 'ui.help.regrade'],
  ['l', 'ui.help.lang'],
  ['?', 'ui.help.title'],
  ['q  Ctrl-C', 'ui.help.quit'],
];

/** Every key, one per line (`?` opens and closes it). */
export function HelpScreen({ lang }: Props) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={paint(theme, 'cyan')} paddingX={1}>
      <Text bold>{t('ui.help.title', lang)}</Text>
      {LINES.map(([keys, what]) => (
        <Box key={keys}>
          <Box width={12} flexShrink={0}>
            <Text bold color={paint(theme, 'cyan')}>
              {keys}
            </Text>
          </Box>
          <Text>{t(what, lang)}</Text>
        </Box>
      ))}
      <Text> </Text>
      <Text>{t('ui.help.watch', lang)}</Text>
      <Text color={paint(theme, 'gray')}>{t('ui.help.close', lang)}</Text>
    </Box>
  );
}
