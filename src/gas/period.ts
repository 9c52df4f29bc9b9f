// The life of a period, as the daily run and setup see it: the close, the status tab, the script's own tabs.
import type { Validation } from '../core/model';
import { CLOSED_TAB, PERIOD_TAB } from '../core/text/period';
import { findSheet, type Snapshot } from './book';
import { rebuildStatusTab } from './statusTab';
import { ensureJournal } from './journal';
import { protectAdminTabs } from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Setup: the journal and the status tab exist, and the script's tabs have the admin tabs' protection. */
export function setupPeriodTabs(ss: Spreadsheet, now: Date, snap: Snapshot, v: Validation): void {
  ensureJournal(ss, v.settings.adminEmails);
  // The closed tab exists from the start (header only), so every edit finds it by its exact name in one call.
  if (!findSheet(ss, PERIOD_TAB.closed)) ss.insertSheet(PERIOD_TAB.closed).appendRow([...CLOSED_TAB.headers]);
  rebuildStatusTab(ss, now, snap, v);
  const mine = [PERIOD_TAB.journal, PERIOD_TAB.status, PERIOD_TAB.closed]
    .map((t) => findSheet(ss, t))
    .filter((s): s is GoogleAppsScript.Spreadsheet.Sheet => !!s);
  protectAdminTabs(v.settings, mine);
}
