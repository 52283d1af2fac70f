/** @jsxRuntime automatic @jsxImportSource react */
import type { Lang } from '@gradschool/exercise-kit';
import { Box, type DOMElement, measureElement, Text, useApp, useInput, useStdin } from 'ink';
import { useEffect, useRef } from 'react';
import { t } from '../../i18n/index.js';
import { commandFor } from '../keys.js';
import type { GraderSession } from '../session.js';
import { courseTotal, isBusy } from '../state.js';
import { useGraderUi } from '../use-grader-ui.js';
import { useTerminalSize } from '../use-terminal-size.js';
import { Details } from './Details.js';
import { Header } from './Header.js';
import { HelpScreen } from './HelpScreen.js';
import { KeyBar } from './KeyBar.js';
import { Overview } from './Overview.js';

/** The props of `App`. */
export type Props = {
  session: GraderSession;
  /** The language at start (`--lang`); `l` switches. */
  lang: Lang;
  /** Regrade an exercise when one of its files is saved. */
  watch: boolean;
  /** Print the student's file as a clickable terminal link. */
  links?: boolean;
};

/** Smallest terminal the screens are drawn in; below it a short note asks for more room. */
const MIN_COLUMNS = 40;
const MIN_ROWS = 8;

/**
 * The whole interactive grader: header, the overview or details screen (or the key help), and the
 * key bar, sized to the terminal. `q` and Ctrl-C leave through Ink's `exit`.
 */
export function App({ session, lang, watch, links = false }: Props) {
  const { state, dispatch, regradeAll } = useGraderUi(session, lang, watch);
  const { exit } = useApp();
  // Without a keyboard (stdin not a terminal) the screens still update; Ctrl-C is then a signal.
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const content = useRef<DOMElement>(null);

  useInput(
    (input, key) => {
      // Keys typed fast (or a held key) can arrive as one chunk: "jjj" is three moves.
      const presses = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
      for (const press of presses) {
        const command = commandFor(press, presses.length > 1 ? {} : key, state);
        if (!command) continue;
        if (command.kind === 'quit') exit();
        else if (command.kind === 'regrade') regradeAll();
        else dispatch(command.action);
      }
    },
    { isActive: Boolean(isRawModeSupported) },
  );

  // One row less than the terminal: a frame as tall as the screen makes Ink clear it on every update.
  const height = rows - 1;
  // One column spare too: where Ink and the terminal disagree on a wide (Korean) character's width,
  // a line one cell too long must not wrap and scroll the whole screen.
  const width = columns - 1;
  // A blank line under the header, when there is room for it.
  const gap = rows >= 20 ? 1 : 0;
  const body = height - 2 - gap;
  const onDetails = !state.help && state.screen === 'details';
  // The details screen scrolls by lines (PgDn, Space): once drawn, it tells the state how tall it is.
  useEffect(() => {
    if (!onDetails || !content.current) return;
    const drawn = measureElement(content.current).height;
    dispatch({ type: 'details-measured', overflow: drawn - body, page: body });
  });

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return <Text wrap="wrap">{t('ui.tooSmall', state.lang, { cols: columns, rows })}</Text>;
  }
  const { score, maxScore } = courseTotal(state);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {/* Header and key bar keep their row however tall the screen's content is. */}
      <Box flexShrink={0}>
        <Header
          lang={state.lang}
          score={score}
          maxScore={maxScore}
          busy={isBusy(state)}
          stale={isBusy(state) && !state.firstRun}
          watching={watch && session.watch !== undefined}
          columns={width}
        />
      </Box>
      {gap ? <Text> </Text> : null}
      <Box flexDirection="column" height={body} flexShrink={0} overflow="hidden">
        {/* flexShrink 0: a screen taller than the terminal is clipped at the bottom, never squeezed;
            the details screen, scrolled, is drawn that many lines higher and clipped at the top too. */}
        <Box
          flexDirection="column"
          flexShrink={0}
          ref={content}
          marginTop={onDetails ? -state.detailsLine : 0}
        >
          {state.help ? (
            <HelpScreen lang={state.lang} />
          ) : state.screen === 'details' ? (
            <Details state={state} columns={width} links={links} />
          ) : (
            <Overview state={state} height={body} width={width} />
          )}
        </Box>
      </Box>
      <Box flexShrink={0}>
        <KeyBar lang={state.lang} screen={state.screen} width={width} />
      </Box>
    </Box>
  );
}
