/** The installable edit trigger. */
export function handleEdit(_e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // filled in by the form-tab work (issue 4)
}
