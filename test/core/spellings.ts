// Everyday spellings of real unit names, the way officers type them: generated from the directory's own names.
import type { Unit } from '../../src/core/model';

/** The short form of each administrative prefix (FORMS.md, unit matching). */
const SHORT: Record<string, string> = {
  Xã: 'X',
  Phường: 'P',
  'Thị trấn': 'TT',
  Huyện: 'H',
  'Thị xã': 'TX',
  'Thành phố': 'TP',
  Quận: 'Q',
};

/** Writes the tone mark of `oa`, `oe`, `uy` ending a syllable on the second vowel: Hòa -> Hoà, Thủy -> Thuỷ. */
export function otherTonePlacement(s: string): string {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;
  return s
    .normalize('NFD')
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![\p{L}])/gu, (_, a: string, t: string, b: string) =>
      TONES.test(t) ? `${a}${b}${t}` : _,
    )
    .normalize('NFC');
}

export interface Spelling {
  text: string;
  kind: string;
  code: string;
}

/** Every everyday spelling of every unit: prefix dropped, shortened, UBND, case, NFD, Ð, spaces, other tone placement. */
export function everydaySpellings(units: readonly Unit[]): Spelling[] {
  const out: Spelling[] = [];
  for (const u of units) {
    const add = (kind: string, text: string) => {
      if (text !== u.name) out.push({ text, kind, code: u.code });
    };
    const prefix = Object.keys(SHORT).find((p) => u.name.startsWith(`${p} `));
    if (prefix) {
      const base = u.name.slice(prefix.length + 1),
        short = SHORT[prefix],
        lower = prefix.toLowerCase();
      add('prefix dropped', base);
      add('short form with dot', `${short}. ${base}`);
      add('short form, dot, no space', `${short}.${base}`);
      add('short form without dot', `${short} ${base}`);
      add('lower-case short form', `${short.toLowerCase()}. ${base}`);
      add('UBND + prefix', `UBND ${lower} ${base}`);
      add('lower-case prefix', `${lower} ${base}`);
      add('lower case, prefix dropped', base.toLowerCase());
      add('upper case, prefix dropped', base.toUpperCase());
    }
    add('lower case', u.name.toLowerCase());
    add('upper case', u.name.toUpperCase());
    add('NFD', u.name.normalize('NFD'));
    add('extra spaces', ` ${u.name.replace(/ /g, '  ')} `);
    if (/Đ/.test(u.name)) add('Ð (U+00D0) for Đ', u.name.replace(/Đ/g, '\u00d0'));
    const other = otherTonePlacement(u.name);
    if (other !== u.name) add('other tone placement', other);
  }
  return out;
}

/** The share of spellings that `match` resolves to their own unit, overall and per kind. */
export function recognised(spellings: readonly Spelling[], match: (text: string) => string | null) {
  const kinds = new Map<string, { ok: number; all: number }>();
  let ok = 0;
  for (const s of spellings) {
    const k = kinds.get(s.kind) ?? { ok: 0, all: 0 };
    k.all++;
    if (match(s.text) === s.code) {
      k.ok++;
      ok++;
    }
    kinds.set(s.kind, k);
  }
  return { ok, all: spellings.length, share: ok / spellings.length, kinds: Object.fromEntries(kinds) };
}
