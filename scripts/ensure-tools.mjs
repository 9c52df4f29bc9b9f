// What the tests need from Debian, installed when missing (as root, with apt-get), else named with the command to run:
// - Chromium, for the browser tests and the PDF (Debian's, never a downloaded browser);
// - poppler-utils, to read the PDF back (pdftotext, pdfinfo, pdftoppm, pdffonts);
// - a Times-metric serif with Vietnamese letters (fonts-liberation2): the older fonts-liberation has no ế or ướ, which
//   Chromium then prints from a sans-serif fallback in the middle of a word.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const has = (command) => {
  try {
    return execSync(command, { stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};
const NEEDS = [
  { pkg: 'chromium', present: () => existsSync(CHROMIUM) },
  { pkg: 'poppler-utils', present: () => ['pdftotext', 'pdfinfo', 'pdftoppm', 'pdffonts'].every((c) => has(`command -v ${c}`)) },
  { pkg: 'fonts-liberation2', present: () => has("fc-list ':family=Liberation Serif:lang=vi' file") },
];

const missing = () => NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
const wanted = missing();
if (wanted.length) {
  const install = `apt-get update && apt-get install -y ${wanted.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('command -v apt-get')) {
    console.error(`The tests need ${wanted.join(', ')}. Install with:\n  sudo sh -c '${install}'`);
    process.exit(1);
  }
  console.error(`Installing ${wanted.join(', ')} for the tests…`);
  execSync(install, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = missing();
  if (still.length) {
    console.error(`apt-get ran but ${still.join(', ')} is still missing`);
    process.exit(1);
  }
}
