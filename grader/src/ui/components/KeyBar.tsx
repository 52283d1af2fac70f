/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Text } from 'ink';
import { type MessageKey, t } from '../../i18n/index.js';
import type { Screen } from '../state.js';
import { paint, useTheme } from '../theme.js';

/** The props of `KeyBar`. */
export type Props = {
  lang: Lang;
  screen: Screen;
};

/** The bottom line: the main keys of the current screen, always visible. */
export function KeyBar({ lang, screen }: Props) {
  const theme = useTheme();
  const keys: [string, MessageKey][] =
    screen === 'overview'
      ? [
          ['↑↓', 'ui.keys.move'],
          ['⏎', 'ui.keys.open'],
          ['h', 'ui.keys.hint'],
          ['r', 'ui.keys.regrade'],
          ['l', 'ui.keys.lang'],
          ['?', 'ui.keys.help'],
          ['q', 'ui.keys.quit'],
        ]
      : [
          ['Esc', 'ui.keys.back'],
          ['↑↓', 'ui.keys.scroll'],
          ['h', 'ui.keys.hint'],
          ['r', 'ui.keys.regrade'],
          ['l', 'ui.keys.lang'],
          ['?', 'ui.keys.help'],
          ['q', 'ui.keys.quit'],
        ];
  return (
    <Text wrap="truncate-end">
      {keys.map(([key, label], i) => (
        <Text key={key}>
          {i > 0 ? '  ' : ''}
          <Text bold color={paint(theme, 'cyan')}>
            {key}
          </Text>
          <Text color={paint(theme, 'gray')}> {t(label, lang)}</Text>
        </Text>
      ))}
    </Text>
  );
}
