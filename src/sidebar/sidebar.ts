// The sidebar: report and reminders. Every text goes through textContent (never innerHTML), so cell text is inert.
import type { ServerApi, ReportSummary, FormSummary, ReminderPanel } from './api';
import { UI } from './text';
import { formatPercent, shareRatio, type Share } from '../core/format';

declare const google: { script: { run: any } };

/** google.script.run as promises; every call has a failure handler (Google's add-on template). */
function call<K extends keyof ServerApi>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    google.script.run.withSuccessHandler(resolve).withFailureHandler((e: unknown) => reject(e))[name](...args);
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const percent = (s: Share | null) => formatPercent(s, '—');
const count = (n: number) => Math.round(n * 10) / 10 === Math.round(n) ? Math.round(n).toLocaleString('vi-VN') : n.toLocaleString('vi-VN');

function errorText(e: unknown): string {
  const message = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
  return `${UI.failed} ${message}`;
}

const status = el('div', { id: 'status', role: 'status' });
function showStatus(text: string, kind: 'info' | 'error' | 'ok' = 'info') {
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** Runs a server call with its button disabled and a progress line; errors are shown in Vietnamese. */
async function withButton<T>(button: HTMLButtonElement, progress: string, work: () => Promise<T>): Promise<T | undefined> {
  button.disabled = true;
  showStatus(progress);
  try {
    return await work();
  } catch (e) {
    showStatus(errorText(e), 'error');
    return undefined;
  } finally {
    button.disabled = false;
  }
}

function bar(label: string, value: Share | null, cls: string): HTMLElement {
  const fill = el('div', { class: `fill ${cls}`, style: `width:${(shareRatio(value) ?? 0) * 100}%` });
  return el('div', { class: 'bar-row' }, el('span', { class: 'bar-label' }, label), el('div', { class: 'bar' }, fill), el('span', { class: 'bar-value' }, percent(value)));
}

function renderForm(f: FormSummary, period: string): HTMLElement {
  const box = el('section', { class: 'form', 'data-form': f.form });
  box.append(el('h3', {}, f.tab));
  box.append(el('div', { class: 'due' }, f.dueBefore ? UI.dueBefore(f.dueBefore) : UI.noDeadline));
  box.append(bar(UI.completeness, f.shares.completeness, 'complete'), bar(UI.timeliness, f.shares.timeliness, 'timely'));
  box.append(el('div', { class: 'counts' }, UI.counts(f.expected, f.reported, f.onTime, f.late)));
  if (f.shares.installRate !== null) box.append(el('div', { class: 'rate' }, `${UI.installRate}: ${percent(f.shares.installRate)}`));
  if (f.measured) box.append(el('div', { class: 'measured' }, f.measured));
  if (f.closedLine) box.append(el('div', { class: 'closed' }, f.closedLine));
  if (f.chase.length) {
    const list = el('ul', { class: 'chase' });
    for (const u of f.chase) {
      const link = el('a', { href: '#', class: `unit ${u.status}` }, u.name);
      link.addEventListener('click', (ev) => { ev.preventDefault(); void call('selectUnitRows', f.form, u.code, period).catch((e) => showStatus(errorText(e), 'error')); });
      list.append(el('li', {}, link, ` (${u.label})`));
    }
    box.append(el('div', { class: 'chase-title' }, UI.toChase), list);
  }
  const table = el('table', { class: 'totals' }, el('tr', {}, el('th', {}, UI.indicator), el('th', {}, UI.inPeriod), el('th', {}, UI.cumulative)));
  for (const i of f.indicators) table.append(el('tr', {}, el('td', {}, i.header), el('td', { class: 'num' }, count(i.period)), el('td', { class: 'num' }, count(i.cumulative))));
  box.append(table);
  return box;
}

async function main() {
  const app = document.getElementById('app')!;
  app.textContent = '';
  const tabs = el('div', { class: 'tabs' });
  const reportTab = el('button', { class: 'tab active', id: 'tab-report' }, UI.reportTab);
  const remindTab = el('button', { class: 'tab', id: 'tab-remind' }, UI.remindTab);
  tabs.append(reportTab, remindTab);
  const reportPane = el('div', { id: 'report-pane' });
  const remindPane = el('div', { id: 'remind-pane', hidden: '' });
  app.append(tabs, status, reportPane, remindPane);
  reportTab.addEventListener('click', () => { reportPane.hidden = false; remindPane.hidden = true; reportTab.classList.add('active'); remindTab.classList.remove('active'); });
  remindTab.addEventListener('click', () => { reportPane.hidden = true; remindPane.hidden = false; remindTab.classList.add('active'); reportTab.classList.remove('active'); void loadReminders(remindPane); });

  showStatus(UI.loading);
  const data = await call('sidebarData').catch((e) => { showStatus(errorText(e), 'error'); return null; });
  if (!data) return;
  const periodSelect = el('select', { id: 'period' });
  for (const p of data.periods) periodSelect.append(el('option', { value: p }, p));
  if (data.defaultPeriod) periodSelect.value = data.defaultPeriod;
  const formSelect = el('select', { id: 'form' }, el('option', { value: '' }, UI.allForms));
  for (const f of data.forms) formSelect.append(el('option', { value: f.id }, f.tab));
  const picker = el('div', { class: 'picker' }, el('label', {}, UI.period, periodSelect), el('label', {}, UI.form, formSelect));
  const results = el('div', { id: 'results' });
  const buttons = el('div', { class: 'buttons' });
  const makeTab = el('button', { id: 'btn-tab', class: 'primary' }, UI.createTab);
  const makeDoc = el('button', { id: 'btn-doc' }, UI.createDoc);
  const mail = el('button', { id: 'btn-mail' }, UI.emailAdmins);
  buttons.append(makeTab, makeDoc, mail);
  reportPane.append(picker, buttons, results);
  if (!data.periods.length) { showStatus(UI.noData, 'info'); return; }

  const selection = () => ({ period: periodSelect.value, forms: formSelect.value ? [formSelect.value] : data.forms.map((f) => f.id) });
  const refresh = async () => {
    const { period, forms } = selection();
    showStatus(UI.computing);
    try {
      const summary: ReportSummary = await call('sidebarReport', period, forms);
      results.textContent = '';
      if (!summary.pastDeadline) results.append(el('div', { class: 'notice' }, UI.beforeDeadline));
      for (const f of summary.forms) results.append(renderForm(f, period));
      if (summary.reclose) {
        // The server asks the officer to confirm (a dialog in the spreadsheet) before closing again.
        const again = el('button', { id: 'btn-reclose' }, summary.reclose);
        again.addEventListener('click', () => void withButton(again, UI.computing, async () => {
          const r = await call('reclosePeriod', period);
          if (r.message) showStatus(r.message, r.done ? 'ok' : 'info');
          if (r.done) await refresh();
        }));
        results.append(again);
      }
      showStatus(UI.ready(period), 'ok');
    } catch (e) { showStatus(errorText(e), 'error'); }
  };
  periodSelect.addEventListener('change', refresh);
  formSelect.addEventListener('change', refresh);
  makeTab.addEventListener('click', () => withButton(makeTab, UI.creatingTab, async () => {
    const { period, forms } = selection();
    const r = await call('createReportTab', period, forms);
    showStatus(UI.tabCreated(r.sheetName), 'ok');
  }));
  makeDoc.addEventListener('click', () => withButton(makeDoc, UI.creatingDoc, async () => {
    const { period, forms } = selection();
    const r = await call('createReportDocument', period, forms);
    status.textContent = '';
    status.className = 'status ok';
    status.append(UI.docCreated, ' ', el('a', { href: r.url, target: '_blank', rel: 'noopener' }, r.name));
  }));
  mail.addEventListener('click', () => withButton(mail, UI.sendingReport, async () => {
    const { period, forms } = selection();
    const r = await call('emailReport', period, forms);
    showStatus(UI.reportSent(r.to.length), 'ok');
  }));
  await refresh();
}

async function loadReminders(pane: HTMLElement) {
  pane.textContent = UI.loading;
  let panel: ReminderPanel;
  try { panel = await call('reminderPanel'); } catch (e) { pane.textContent = ''; showStatus(errorText(e), 'error'); return; }
  pane.textContent = '';
  const toggle = el('input', { type: 'checkbox', id: 'auto-remind' });
  toggle.checked = panel.autoRemind;
  toggle.addEventListener('change', () => {
    toggle.disabled = true;
    call('setAutoRemindFromSidebar', toggle.checked)
      .then(() => showStatus(toggle.checked ? UI.autoOn : UI.autoOff, 'ok'))
      .catch((e) => { toggle.checked = !toggle.checked; showStatus(errorText(e), 'error'); })
      .finally(() => { toggle.disabled = false; });
  });
  pane.append(el('label', { class: 'switch' }, toggle, UI.autoRemind));
  pane.append(el('p', { class: 'schedule' }, panel.schedule), el('p', { class: 'next' }, `${UI.nextRun}: ${panel.nextRun}`));
  pane.append(el('h3', {}, UI.todayPreview(panel.preview.length)));
  const list = el('ul', { class: 'preview' });
  for (const m of panel.preview) list.append(el('li', {}, `${m.step} · ${m.unit || UI.digest} · ${m.to.join(', ')}`, el('br'), el('small', {}, m.subject)));
  pane.append(list);
  const send = el('button', { id: 'btn-send', class: 'primary' }, UI.sendNow);
  send.disabled = panel.preview.length === 0;
  send.addEventListener('click', () => {
    if (!window.confirm(UI.confirmSend(panel.preview.length))) return;
    void withButton(send, UI.sending, async () => {
      const r = await call('sendRemindersNow');
      showStatus(r.busy ? UI.busy : UI.sent(r.sent, r.failed, r.deferred), r.failed ? 'error' : 'ok');
      await loadReminders(pane);
    });
  });
  pane.append(send, el('h3', {}, UI.lastRuns));
  const runs = el('ul', { class: 'runs' });
  for (const r of panel.lastRuns) runs.append(el('li', {}, UI.runLine(r.at, r.sent, r.failed, r.other)));
  pane.append(runs);
}

void main();
