// Reminders: the daily plan, its emails and the send log. Pure: adapters send and write.
export { planReminders, planJson } from './plan';
export type { PlannedEmail, Skip, SkipReason, ReminderPlan, PlanInput } from './plan';
export { sendKey, readLog, logRow, countsAsSent, recipientsLoggedOn } from './log';
export type { SendKey, LogEntry, LogResult } from './log';
export { reminderSchedule, stepsFor, stepName, deadlinesUpTo } from './schedule';
export type { StepSlot, Deadline } from './schedule';
export { fillTemplates, digestEmail, oneLine } from './email';
export type { EmailText, TemplateValues } from './email';
export {
  SentLedger,
  ledgerFromLog,
  ledgerSlot,
  addressHash,
  eitherLedger,
  openSlots,
  LEDGER_PREFIX,
  INFLIGHT_KEY,
  HASHES_PER_VALUE,
} from './ledger';
export type { AddressLedger } from './ledger';
export { failureNotice, failureEntries, failureEmail, recordChanged, TOLD_FAILURES_KEY } from './failures';
export type { DailyStep, StepFailure, FailureNotice } from './failures';
