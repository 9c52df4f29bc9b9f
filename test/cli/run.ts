// Runs the `ispeed` command in-process with captured output, and helpers shared by the CLI tests.
import { chmodSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../src/local/cli';
import { fromLocal } from '../../src/core/periods';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLES = '/work/shared/design/examples';
/** A fixed "real clock" for commands run without --today. */
export const FIXED_NOW = fromLocal(2024, 8, 20, 12);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], now: Date = FIXED_NOW): Promise<RunResult> {
  let stdout = '',
    stderr = '';
  const code = await main(argv, {
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    },
    now: () => now,
  });
  return { code, stdout, stderr };
}

/** A fresh folder under test-artifacts/ (git-ignored) for one test file. */
export function artifactDir(name: string): string {
  const dir = join(ROOT, 'test-artifacts', 'cli', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `actual` cut down to the keys `expected` shows (arrays element by element), to compare with toEqual. */
export function project(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) ? actual.map((a, i) => (i < expected.length ? project(a, expected[i]) : a)) : actual;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return actual;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(expected))
      out[k] = project((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k]);
    return out;
  }
  return actual;
}

/**
 * Root ignores file modes, so "a folder the user cannot write to" is tested by running as `nobody`, who must still reach
 * the project: a CI clone may sit under a folder only root can enter (mktemp makes them 0700). Lets others enter every
 * folder above `paths` for the test, and returns what undoes it.
 */
export function letOthersEnter(...paths: string[]): () => void {
  const changed: [string, number][] = [];
  for (const p of paths) {
    for (let d = resolve(p); ; d = dirname(d)) {
      const mode = statSync(d).mode & 0o7777;
      if ((mode & 0o005) !== 0o005 && !changed.some(([c]) => c === d)) {
        changed.push([d, mode]);
        chmodSync(d, mode | 0o005);
      }
      if (dirname(d) === d) break;
    }
  }
  return () => {
    for (const [d, mode] of changed.reverse()) chmodSync(d, mode);
  };
}

/** The decoded text and HTML parts of an .eml the command line wrote (base64 bodies, multipart/alternative). */
export function emlBodies(eml: string): { text: string; html: string } {
  const boundary = /boundary="([^"]+)"/.exec(eml)![1];
  const body = (part: string) => Buffer.from(part.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
  const parts = eml.split(`--${boundary}`);
  return { text: body(parts[1]), html: body(parts[2]) };
}
