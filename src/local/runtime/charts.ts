// The Charts global: its enums, which embedded-chart builders take (sheet.newChart().setChartType(Charts.ChartType.BAR)).
// Enum members are their own names, as Apps Script's enums print (`String(Charts.ChartType.BAR) === 'BAR'`); the
// member lists are those of @types/google-apps-script (google-apps-script.charts.d.ts). The stand-alone chart builders
// (Charts.newBarChart() ... build() -> Chart blobs) are not provided: the project only embeds charts in sheets.

const enumOf = <T>(names: string[]): T => Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as unknown as T;

export const ChartType = enumOf<typeof GoogleAppsScript.Charts.ChartType>([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
]);
export const ChartHiddenDimensionStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartHiddenDimensionStrategy>([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
]);
export const ChartMergeStrategy = enumOf<typeof GoogleAppsScript.Charts.ChartMergeStrategy>(['MERGE_COLUMNS', 'MERGE_ROWS']);
export const ColumnType = enumOf<typeof GoogleAppsScript.Charts.ColumnType>(['DATE', 'NUMBER', 'STRING']);
export const CurveStyle = enumOf<typeof GoogleAppsScript.Charts.CurveStyle>(['NORMAL', 'SMOOTH']);
export const PointStyle = enumOf<typeof GoogleAppsScript.Charts.PointStyle>(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']);
export const Position = enumOf<typeof GoogleAppsScript.Charts.Position>(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);

export type MemCharts = Pick<
  GoogleAppsScript.Charts.Charts,
  'ChartType' | 'ChartHiddenDimensionStrategy' | 'ChartMergeStrategy' | 'ColumnType' | 'CurveStyle' | 'PointStyle' | 'Position'
>;

/** The Charts global. Reading an enum is no service call, so nothing here is counted. */
export function makeCharts(): MemCharts {
  return { ChartType, ChartHiddenDimensionStrategy, ChartMergeStrategy, ColumnType, CurveStyle, PointStyle, Position };
}
