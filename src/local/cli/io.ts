// Where the command line writes, and what "now" is: the process by default, captured in tests.

export interface Writable { write(text: string): unknown }

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  /** The real clock unless a test fixes it. */
  now: () => Date;
  /** A progress line on stderr, for work that takes over a second. */
  progress: (line: string) => void;
}

export function makeIo(partial: Partial<Pick<CliIo, 'stdout' | 'stderr' | 'now'>> = {}): CliIo {
  const stdout = partial.stdout ?? process.stdout;
  const stderr = partial.stderr ?? process.stderr;
  return { stdout, stderr, now: partial.now ?? (() => new Date()), progress: (line) => { stderr.write(`${line}\n`); } };
}

export function println(w: Writable, text = ''): void {
  w.write(`${text}\n`);
}
