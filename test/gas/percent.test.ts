// The sidebar shows a rate from the exact integers the server sends, through core's one formatter (the page imports it).
import { boot } from './boot';
import { example1, EXAMPLE1_NOW } from '../fixtures/example1';
import { formatPercent } from '../../src/core/format';

test('sidebarReport sends each rate as its exact integers; formatted, they read as in the document', () => {
  const { rt, app } = boot(example1(), { now: EXAMPLE1_NOW });
  const summary = app.sidebarReport('07/2024', ['03']) as { forms: { shares: Record<string, { num: number; den: number } | null> }[] };
  const shares = summary.forms[0].shares;
  expect(shares).toEqual({ completeness: { num: 2, den: 4 }, timeliness: { num: 1, den: 4 }, installRate: { num: 305, den: 620 } });
  expect([formatPercent(shares.completeness), formatPercent(shares.timeliness), formatPercent(shares.installRate)]).toEqual([
    '50,0%',
    '25,0%',
    '49,2%',
  ]);
  app.createReportDocument('07/2024', ['03']);
  const plain = rt.documents[0].toPlain();
  for (const pct of ['50,0%', '25,0%', '49,2%']) expect(plain).toContain(pct);
});
