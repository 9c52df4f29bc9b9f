/** The daily clock trigger. */
export function dailyTick(_e?: GoogleAppsScript.Events.TimeDriven): void {
  // filled in by the form-tab and reminder work (issues 4, 6)
}
