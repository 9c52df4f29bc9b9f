// Sparse cell storage: an array of row arrays, so whole-row reads, inserts and deletes stay cheap on 100,000-row sheets.

export class Layer<T> {
  rows: (Array<T | undefined> | undefined)[] = [];

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row ? row[c] : undefined;
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (!row) {
      if (v === undefined) return;
      row = this.rows[r] = [];
    }
    row[c] = v;
  }

  spliceRows(at: number, remove: number, insert: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, remove, ...new Array<undefined>(insert));
  }

  spliceColumns(at: number, remove: number, insert: number): void {
    const blanks = new Array<undefined>(insert);
    for (const row of this.rows) if (row && at < row.length) row.splice(at, remove, ...blanks);
  }

  clear(): void {
    this.rows = [];
  }

  /** A deep copy by a per-value copier (Dates must not be shared). */
  clone(copy: (v: T) => T = (v) => v): Layer<T> {
    const out = new Layer<T>();
    out.rows = this.rows.map((row) => row?.map((v) => (v === undefined ? undefined : copy(v))));
    return out;
  }
}
