// The core's vocabulary. The core knows nothing of Google: it takes plain cell values, as
// Range.getValues() returns them, and returns plain models that adapters render.

/** A cell as getValues() gives it: '' for empty, Date for date cells (an instant). */
export type CellValue = string | number | boolean | Date;
export type Grid = CellValue[][];

/** The values of every tab, by tab name: what one read per tab gives. */
export type Workbook = Record<string, Grid>;

/** A form's code, two digits '01'–'99' (`Danh sách biểu mẫu`). */
export type FormId = string;

export type Severity = 'error' | 'warning';

export type ProblemCode =
  | 'missing_column'
  | 'required'
  | 'not_number'
  | 'not_integer'
  | 'negative'
  | 'below_min'
  | 'exceeds'
  | 'unknown_unit'
  | 'wrong_form'
  | 'inactive_unit'
  | 'unit_alias'
  | 'bad_period'
  | 'period_before_start'
  | 'period_in_future'
  | 'period_current'
  | 'duplicate'
  | 'bad_url'
  | 'bad_phone'
  | 'stock_decreased'
  | 'outlier'
  | 'bad_email'
  | 'duplicate_unit'
  | 'bad_directory'
  | 'bad_setting'
  | 'bad_definition'
  | 'changed_after_close'
  | 'unmatched_locality';

export interface Problem {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** The header as found in the sheet ('' for a whole-row or whole-sheet problem). */
  column: string;
  severity: Severity;
  code: ProblemCode;
  /** Vietnamese: what is wrong and how to fix it. */
  message: string;
}

/** A month as one integer: year * 12 + (month - 1). Comparable and easy to step. */
export type Month = number;
