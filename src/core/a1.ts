// A1 notation, the one way ranges are named in Sheets: column letters and boxes.

/** 1 -> A, 27 -> AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A tab's name as A1 notation quotes it before the `!` (`'Tình hình báo cáo'!D2`), an apostrophe doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A box as Range.getA1Notation gives it: `C5` for one cell, `A2:T501` for a block. */
export function a1Of(row: number, col: number, lastRow: number, lastCol: number): string {
  const start = `${columnLetter(col)}${row}`;
  return row === lastRow && col === lastCol ? start : `${start}:${columnLetter(lastCol)}${lastRow}`;
}
