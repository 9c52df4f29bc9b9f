// Where the command line writes, and what "now" is: the process by default, captured in tests.

export interface Writable {
  write(text: string): unknown;
}

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
  return {
    stdout,
    stderr,
    now: partial.now ?? (() => new Date()),
    progress: (line) => {
      stderr.write(`${line}\n`);
    },
  };
}

export function println(w: Writable, text = ''): void {
  w.write(`${text}\n`);
}

/**
 * A stream that goes quiet once its reader has gone (EPIPE, e.g. `ispeed validate … | head -1`), instead of the
 * uncaught 'error' event that prints a stack trace.
 */
export function quietWhenClosed(stream: NodeJS.WriteStream): Writable {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw err;
  });
  return { write: (text: string) => closed || stream.write(text) };
}
