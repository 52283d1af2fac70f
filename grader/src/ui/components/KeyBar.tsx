/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Text } from 'ink';
import { type MessageKey, t } from '../../i18n/index.js';
import { textWidth } from '../../report/text.js';
import type { Screen } from '../state.js';
import { paint, useTheme } from '../theme.js';

/** The props of `KeyBar`. */
export type Props = {
  lang: Lang;
  screen: Screen;
  /** Columns available: keys that do not fit are left out, least needed first (`?` lists them all). */
  width?: number;
};

/** The keys left out first when the bar is too narrow; `?` (the help lists every key) and `q` stay. */
const DROP_ORDER = ['l', 'r', '↑↓', 'h', '⏎', 'Esc'];

/** `keys` without the least needed ones until the bar fits `width` columns. */
export function fittingKeys(keys: [string, MessageKey][], lang: Lang, width: number): [string, MessageKey][] {
  const barWidth = (list: [string, MessageKey][]) =>
    list.reduce((sum, [key, label], i) => sum + (i > 0 ? 2 : 0) + textWidth(`${key} ${t(label, lang)}`), 0);
  let kept = keys;
  for (const drop of DROP_ORDER) {
    if (barWidth(kept) <= width) break;
    kept = kept.filter(([key]) => key !== drop);
  }
  return kept;
}

/** The bottom line: the main keys of the current screen, always visible. */
export function KeyBar({ lang, screen, width = Number.POSITIVE_INFINITY }: Props) {
  const theme = useTheme();
  const all: [string, MessageKey][] =
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
          ['Space', 'ui.keys.page'],
          ['h', 'ui.keys.hint'],
          ['r', 'ui.keys.regrade'],
          ['l', 'ui.keys.lang'],
          ['?', 'ui.keys.help'],
          ['q', 'ui.keys.quit'],
        ];
  // A cut bar would lose `q quit` at its end: the least needed keys go instead.
  const keys = fittingKeys(all, lang, width);
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
