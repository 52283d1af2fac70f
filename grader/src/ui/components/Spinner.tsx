/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { paint, useTheme } from '../theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** The props of `Spinner`. */
export type Props = {
  /** Text after the spinner, e.g. "Grading…". */
  label?: string;
};

/** A small braille spinner, shown while something is being graded. */
export function Spinner({ label }: Props) {
  const theme = useTheme();
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 100);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text color={paint(theme, 'cyan')}>
      {FRAMES[frame]}
      {label ? ` ${label}` : ''}
    </Text>
  );
}
