// Folding Vietnamese names the way people type them: tone-mark placement, look-alike letters, administrative prefixes.

/** The five tone marks as combining characters (NFD): grave, acute, tilde, hook above, dot below. */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/;
/** The vowel modifiers of ă â ê ô ơ ư (NFD): breve, circumflex, horn. */
const MODIFIER = /[\u0302\u0306\u031b]/;
const VOWEL = /[aeiouy]/;

/**
 * Puts the tone mark of each syllable in one place, so that both conventions give the same text
 * (`Hoà`/`Hòa`, `Thuỷ`/`Thủy`, `Khoẻ`/`Khỏe`, and the misplaced `Qúy` -> `Quý`). The rule, on the vowels of the
 * syllable (the `u` of `qu` and the `i` of `gi` before a vowel belong to the consonant):
 * a vowel with a modifier (ă â ê ô ơ ư) takes the mark, the last one if two (`ươ` -> ơ: người);
 * else, with a final consonant, the last vowel (hoàng, huỳnh); else the middle of three (ngoài, khuỷu);
 * else the first of two (hòa, thủy, mùa, tài); else the only vowel.
 * A word with no tone, with several marks or several vowel groups (Jarai names written as one word) is left as is.
 * Case is kept; the result is NFC.
 */
export function placeToneMarks(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\p{L}\p{M}]+/gu, placeInWord)
    .normalize('NFC');
}

function placeInWord(word: string): string {
  // Each letter with the combining marks that follow it.
  const letters = word.match(/\P{M}\p{M}*/gu);
  if (!letters) return word;
  let tone = '';
  const bare = letters.map((l) => {
    const marks = [...l.slice(1)];
    for (const m of marks) if (TONE.test(m)) tone += m;
    return l[0] + marks.filter((m) => !TONE.test(m)).join('');
  });
  if (tone.length !== 1) return word;
  const base = bare.map((l) => l[0].toLowerCase());
  const isVowel = (i: number) => i < base.length && VOWEL.test(base[i]);
  let first = base.findIndex((_, i) => isVowel(i));
  if (first < 0) return word;
  if (
    first > 0 &&
    isVowel(first + 1) &&
    ((base[first - 1] === 'q' && base[first] === 'u') || (base[first - 1] === 'g' && base[first] === 'i'))
  )
    first++;
  let last = first;
  while (isVowel(last + 1)) last++;
  for (let i = last + 1; i < base.length; i++) if (isVowel(i)) return word;
  const run = last - first + 1;
  if (run > 3) return word;
  let at = -1;
  for (let i = first; i <= last; i++) if (MODIFIER.test(bare[i])) at = i;
  if (at < 0) at = last + 1 < base.length ? last : run === 3 ? first + 1 : first;
  bare[at] += tone;
  return bare.join('');
}

/**
 * Letters that look like Vietnamese ones but are other characters: `Ð` (U+00D0, Icelandic eth) and `Ɖ` (U+0189)
 * for `Đ`, a `D` with a combining stroke overlay, typographic apostrophes and dashes. A match that needed this
 * is a warning: the cell does not hold the directory's name.
 */
export function foldLookAlikes(s: string): string {
  return s
    .replace(/[\u00d0\u0189]|D[\u0335\u0336]/g, '\u0110')
    .replace(/[\u00f0\u0256]|d[\u0335\u0336]/g, '\u0111')
    .replace(/[\u2018\u2019\u02bc\u02bb\u0060\u00b4\u2032]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Spaces as one: every white space, zero-width characters dropped. */
function collapseSpaces(s: string): string {
  return s
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** NFC, spaces collapsed, tone marks placed, lower case: what differs only here is the same spelling (no warning). */
export function foldName(s: string): string {
  return placeToneMarks(collapseSpaces(s.normalize('NFC'))).toLowerCase();
}

/** foldName after look-alike folding. */
export function foldLoose(s: string): string {
  return foldName(foldLookAlikes(s.normalize('NFC')));
}

/** Administrative prefixes of 2024 and of the 2025 two-level system, with their short forms (FORMS.md). */
const PREFIXES: ReadonlyArray<{ type: string; long: string; short?: string }> = [
  { type: 'xa', long: 'xã', short: 'x' },
  { type: 'phuong', long: 'phường', short: 'p' },
  { type: 'thi-tran', long: 'thị trấn', short: 'tt' },
  { type: 'dac-khu', long: 'đặc khu' },
  { type: 'huyen', long: 'huyện', short: 'h' },
  { type: 'thi-xa', long: 'thị xã', short: 'tx' },
  { type: 'thanh-pho', long: 'thành phố', short: 'tp' },
  { type: 'quan', long: 'quận', short: 'q' },
];
const SHORTS = PREFIXES.flatMap((p) => (p.short ? [{ type: p.type, short: p.short }] : [])).sort((a, b) => b.short.length - a.short.length);
const UBND = /^(?:ubnd|ủy ban nhân dân)(?:\.\s*|\s+)/iu;

export interface PrefixParts {
  /** The prefix's type (`xa`, `huyen`...), null when there is none. */
  type: string | null;
  /** The name without UBND and prefix, folded as foldName. */
  base: string;
}

/**
 * Splits the administrative prefix off a name (already look-alike folded): `Xã Ia Grai`, `X. Ia Grai`, `X.Ia Grai`,
 * `X Ia Grai`, `UBND xã Ia Grai` all give `ia grai`. A short form glued to the name without dot or space
 * (`XIa Grai`) counts only before a capital letter, so that `Pleiku` is never `P.` + `leiku`.
 */
export function splitPrefix(name: string): PrefixParts {
  return split(placeToneMarks(collapseSpaces(name.normalize('NFC'))), UBND, (p) => p.long);
}

/** splitPrefix of a text typed without diacritics (`Xa Ia Grai`, `UBND huyen Chu Pah`): for suggestions only. */
export function splitPlainPrefix(name: string): PrefixParts {
  return split(stripDiacritics(collapseSpaces(name.normalize('NFC'))), UBND_PLAIN, (p) => stripDiacritics(p.long));
}

const UBND_PLAIN = /^(?:ubnd|uy ban nhan dan)(?:\.\s*|\s+)/i;

function split(text: string, ubndForm: RegExp, longOf: (p: (typeof PREFIXES)[number]) => string): PrefixParts {
  let s = text;
  const u = ubndForm.exec(s);
  if (u && u[0].length < s.length) s = s.slice(u[0].length);
  const lower = s.toLowerCase();
  for (const p of PREFIXES) {
    const long = longOf(p);
    if (lower.startsWith(`${long} `) && lower.length > long.length + 1) {
      return { type: p.type, base: lower.slice(long.length + 1) };
    }
  }
  for (const p of SHORTS) {
    const n = p.short.length;
    if (lower.slice(0, n) !== p.short) continue;
    const rest = s.slice(n);
    const sep = /^(?:\.\s*|\s+)/.exec(rest);
    if (sep && rest.length > sep[0].length) return { type: p.type, base: rest.slice(sep[0].length).toLowerCase() };
    if (/^\p{Lu}/u.test(s) && /^\p{Lu}/u.test(rest)) return { type: p.type, base: rest.toLowerCase() };
  }
  return { type: null, base: lower };
}

/** Without any diacritic (đ -> d): for suggesting names typed without a Vietnamese keyboard, never for matching. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
