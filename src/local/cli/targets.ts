// Where a command may write, decided before any work: never over a file it reads, never over a workbook it did not
// read unless --force, never into a place that cannot be written (INTERFACES.md, "Command line").
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CLI_ERROR, CLI_WRITE } from '../../core/text/cli';
import { UsageError } from './args';

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path); // follows symlinks: a link to the input is the input
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The same file on disk, whatever the path says: compared by device and inode (symlinks and hard links included). */
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** The folder a new file would be created in (itself, or the first existing folder above it) must take writes. */
function checkFolder(target: string, shown: string): void {
  let dir = dirname(resolve(target));
  for (;;) {
    const st = statOrNull(dir);
    if (st) {
      if (!st.isDirectory()) throw new UsageError(CLI_ERROR.cannotWrite(shown, CLI_WRITE.underAFile(dir)));
      if (!writable(dir)) throw new UsageError(CLI_ERROR.cannotWrite(shown, CLI_WRITE.folderReadOnly(dir)));
      return;
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

export interface TargetRules {
  /** Files the command reads: the target may be none of them. */
  reads: string[];
  /** An existing target is replaced (report --out .html/.pdf) or refused unless --force (setup, demo, report --out .xlsx). */
  existing: 'replace' | 'refuse';
  force?: boolean;
}

/** Refuses, with one Vietnamese line, a file target the command must not or cannot write. */
export function checkFileTarget(target: string, rules: TargetRules): void {
  const st = statOrNull(target);
  if (st) {
    for (const input of rules.reads) {
      const inSt = statOrNull(input);
      if (inSt && sameFile(st, inSt)) throw new UsageError(CLI_ERROR.overwritesInput(target, input));
    }
    if (st.isDirectory()) throw new UsageError(CLI_ERROR.cannotWrite(target, CLI_WRITE.isAFolder));
    if (rules.existing === 'refuse' && !rules.force) throw new UsageError(CLI_ERROR.exists(target));
    if (!writable(target)) throw new UsageError(CLI_ERROR.cannotWrite(target, CLI_WRITE.fileReadOnly));
  }
  checkFolder(target, target);
}

/** A file the command rewrites in place (remind --send appends to the log of the workbook it read). */
export function checkInPlace(path: string): void {
  if (!writable(path)) throw new UsageError(CLI_ERROR.cannotWrite(path, CLI_WRITE.fileReadOnly));
  checkFolder(path, path); // the new copy is written beside it, then renamed over it
}

/** The outbox folder: an existing folder that takes writes, or one that can be created. */
export function checkFolderTarget(dir: string, reads: string[]): void {
  const st = statOrNull(dir);
  if (st && !st.isDirectory()) {
    const input = reads.find((r) => {
      const s = statOrNull(r);
      return s !== null && sameFile(s, st);
    });
    throw new UsageError(input ? CLI_ERROR.overwritesInput(dir, input) : CLI_ERROR.outboxIsFile(dir));
  }
  if (st) {
    if (!writable(dir)) throw new UsageError(CLI_ERROR.cannotWrite(dir, CLI_WRITE.folderReadOnly(dir)));
    return;
  }
  checkFolder(dir, dir);
}
