// Conditional format rules as Apps Script has them (reference/spreadsheet/conditional-format-rule-builder,
// conditional-format-rule, boolean-condition; Sheet.setConditionalFormatRules): the "text is exactly" condition and a
// background, the only ones the product uses; any other condition is refused rather than ignored.
import type { CallTracker } from './calls';
import { GasException, type MemRange, type MemSheet } from './spreadsheet';

type GRange = GoogleAppsScript.Spreadsheet.Range;

/** A boolean condition: its criteria (TEXT_EQUAL_TO) and values, and the format it gives. */
export class MemBooleanCondition {
  constructor(
    readonly criteria: 'TEXT_EQUAL_TO',
    readonly values: string[],
    readonly background: string | null,
  ) {}
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): string[] {
    return this.values.slice();
  }
  getBackground(): string | null {
    return this.background;
  }
}

/** A built rule: its condition, its background and the ranges it applies to (on one sheet). */
export class MemConditionalFormatRule {
  constructor(
    readonly condition: MemBooleanCondition,
    readonly ranges: MemRange[],
    private tracker: CallTracker | null = null,
  ) {}
  /** Uncounted: the same rule over other ranges (rows inserted or deleted). */
  withRanges(ranges: MemRange[]): MemConditionalFormatRule {
    return new MemConditionalFormatRule(this.condition, ranges, this.tracker);
  }
  copy(): MemConditionalFormatRuleBuilder {
    this.tracker?.hit('ConditionalFormatRule.copy');
    return MemConditionalFormatRuleBuilder.from(this, this.tracker);
  }
  getBooleanCondition(): MemBooleanCondition {
    this.tracker?.hit('ConditionalFormatRule.getBooleanCondition');
    return this.condition;
  }
  getGradientCondition(): null {
    this.tracker?.hit('ConditionalFormatRule.getGradientCondition');
    return null;
  }
  getRanges(): GRange[] {
    this.tracker?.hit('ConditionalFormatRule.getRanges');
    return this.ranges.slice() as unknown as GRange[];
  }
  /** Uncounted: whether the rule covers the 0-based cell of `sheet` and its condition holds for `display`. */
  applies(sheet: MemSheet, r: number, c: number, display: string): boolean {
    const inside = this.ranges.some(
      (g) => g.sheet === sheet && r >= g.row - 1 && r < g.row - 1 + g.numRows && c >= g.col - 1 && c < g.col - 1 + g.numCols,
    );
    // "Text is exactly" compares the whole text, ignoring case as the Sheets editor's rule does.
    return inside && display.toLowerCase() === (this.condition.values[0] ?? '').toLowerCase();
  }
}

/** SpreadsheetApp.newConditionalFormatRule(). */
export class MemConditionalFormatRuleBuilder {
  private text: string | null = null;
  private background: string | null = null;
  private ranges: MemRange[] = [];
  constructor(private tracker: CallTracker | null = null) {}

  static from(rule: MemConditionalFormatRule, tracker: CallTracker | null): MemConditionalFormatRuleBuilder {
    const b = new MemConditionalFormatRuleBuilder(tracker);
    b.text = rule.condition.values[0] ?? null;
    b.background = rule.condition.background;
    b.ranges = rule.ranges.slice();
    return b;
  }
  private hit(name: string): void {
    this.tracker?.hit(`ConditionalFormatRuleBuilder.${name}`);
  }
  whenTextEqualTo(text: string): MemConditionalFormatRuleBuilder {
    this.hit('whenTextEqualTo');
    this.text = String(text);
    return this;
  }
  setBackground(color: string | null): MemConditionalFormatRuleBuilder {
    this.hit('setBackground');
    this.background = color === null || color === '' ? null : String(color).toLowerCase();
    return this;
  }
  setRanges(ranges: GRange[]): MemConditionalFormatRuleBuilder {
    this.hit('setRanges');
    if (!Array.isArray(ranges))
      throw new GasException(
        "The parameters (Range) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
      );
    this.ranges = (ranges as unknown as MemRange[]).slice();
    return this;
  }
  getRanges(): GRange[] {
    this.hit('getRanges');
    return this.ranges.slice() as unknown as GRange[];
  }
  copy(): MemConditionalFormatRuleBuilder {
    this.hit('copy');
    const b = new MemConditionalFormatRuleBuilder(this.tracker);
    Object.assign(b, { text: this.text, background: this.background, ranges: this.ranges.slice() });
    return b;
  }
  build(): MemConditionalFormatRule {
    this.hit('build');
    // A rule needs a condition; the local runtime knows "text is exactly" only, so any other use fails loudly here.
    if (this.text === null) throw new GasException('The local runtime builds "text is exactly" rules only (whenTextEqualTo).');
    return new MemConditionalFormatRule(
      new MemBooleanCondition('TEXT_EQUAL_TO', [this.text], this.background),
      this.ranges.slice(),
      this.tracker,
    );
  }
}

/** Uncounted: the background a cell shows: the first rule that applies (rules are evaluated in order), else its own. */
export function shownBackground(sheet: MemSheet, r: number, c: number): string | undefined {
  if (sheet.conditionalRules.length) {
    const display = sheet.display(r + 1, c + 1);
    // The first rule whose condition holds gives the format, even one without a background (the cell's own then shows).
    for (const rule of sheet.conditionalRules)
      if (rule.applies(sheet, r, c, display)) return rule.condition.background ?? sheet.backgrounds.get(r, c);
  }
  return sheet.backgrounds.get(r, c);
}
