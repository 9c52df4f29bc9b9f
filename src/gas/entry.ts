// The top-level functions Apps Script calls (triggers, menu, google.script.run). Each only forwards:
// the build appends `function name() { return ISpeed.name.apply(this, arguments); }` for every export.
export {
  onOpen,
  onInstall,
  showSidebar,
  menuSetup,
  menuCheckAll,
  menuRemindersOn,
  menuRemindersOff,
  menuReleaseTriggers,
  menuTakeOverTriggers,
} from './menu';
export { handleEdit } from './edit';
export { dailyTick } from './daily';
export {
  sidebarData,
  sidebarReport,
  createReportTab,
  createReportDocument,
  emailReport,
  selectUnitRows,
  reminderPanel,
  sendRemindersNow,
  setAutoRemindFromSidebar,
} from './sidebar';
export { reclosePeriod } from './close';
