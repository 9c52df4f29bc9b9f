// The sidebar: report and reminders. Every text goes through textContent (never innerHTML), so cell text is inert.
import type { ServerApi, ReportSummary, FormSummary, ReminderPanel, UnitLine } from './api';
import { UI } from './text';
import { CARRIED_TEXT } from '../core/text/report';
import { formatNumberVi, formatPercent, shareRatio, type Share } from '../core/format';

declare const google: { script: { run: any } };

/** google.script.run as promises, typed by the server's own signatures; every call has a failure handler. */
function call<K extends keyof ServerApi>(name: K, ...args: Parameters<ServerApi[K]>): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    google.script.run
      .withSuccessHandler(resolve)
      .withFailureHandler((e: unknown) => reject(e))
      [name](...args);
  });
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

const percent = (s: Share | null) => formatPercent(s, '—');
const number = (n: number, decimal: boolean) => formatNumberVi(n, decimal ? 1 : 0);

function errorText(e: unknown): string {
  const message = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
  return `${UI.failed} ${message}`;
}

/** One status line per pane, so the reminders pane never shows the report's last message. */
function statusLine(id: string, extra = '') {
  const base = `status ${extra}`.trim();
  const node = el('div', { ...(id ? { id } : {}), role: 'status', class: base, hidden: '' });
  const show = (content: string | (Node | string)[], kind: 'progress' | 'error' | 'ok' | 'info' = 'info') => {
    node.hidden = false;
    node.textContent = '';
    node.append(...(typeof content === 'string' ? [content] : content));
    node.className = `${base} ${kind}`;
    // A button far down the pane (Chốt lại số liệu) reports here: the line comes into view.
    node.scrollIntoView?.({ block: 'nearest' });
  };
  return { node, show };
}
type Status = ReturnType<typeof statusLine>;

const app = document.getElementById('app')!;
let running = false;

/**
 * Runs one action at a time: its progress shows in the pane's status line, and every other control of the sidebar
 * is disabled until it ends (a second click would start a second server call). Errors are shown in Vietnamese.
 */
async function act<T>(status: Status, progress: string, work: () => Promise<T>): Promise<T | undefined> {
  if (running) return undefined;
  running = true;
  const controls = Array.from(app.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>('button, select, input'));
  const wasDisabled = controls.map((c) => c.disabled);
  controls.forEach((c) => {
    c.disabled = true;
  });
  app.setAttribute('aria-busy', 'true');
  status.show(progress, 'progress');
  try {
    return await work();
  } catch (e) {
    status.show(errorText(e), 'error');
    return undefined;
  } finally {
    // Controls added by the work (a re-rendered pane) start enabled; the others get their own state back.
    controls.forEach((c, i) => {
      c.disabled = wasDisabled[i];
    });
    app.removeAttribute('aria-busy');
    running = false;
  }
}

/** A question answered in the page (Apps Script's sidebar has no good native dialog): resolves true on "Gửi". */
function confirmIn(host: HTMLElement, question: string, items: string[]): Promise<boolean> {
  host.textContent = '';
  const yes = el('button', { class: 'primary', id: 'confirm-yes' }, UI.send);
  const no = el('button', { id: 'confirm-no' }, UI.cancel);
  const list = el('ul', { class: 'recipients' });
  for (const i of items) list.append(el('li', {}, i));
  const box = el(
    'div',
    { class: 'confirm', role: 'alertdialog' },
    el('p', {}, question),
    list,
    el('div', { class: 'confirm-buttons' }, yes, no),
  );
  host.append(box);
  // Nothing else runs while the officer decides.
  const others = Array.from(app.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>('button, select, input')).filter(
    (c) => c !== yes && c !== no && !c.disabled,
  );
  others.forEach((c) => {
    c.disabled = true;
  });
  yes.focus();
  return new Promise((resolve) => {
    const done = (answer: boolean) => {
      box.remove();
      others.forEach((c) => {
        c.disabled = false;
      });
      resolve(answer);
    };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
  });
}

function bar(label: string, value: Share | null, cls: string): HTMLElement {
  const fill = el('div', { class: `fill ${cls}`, style: `width:${(shareRatio(value) ?? 0) * 100}%` });
  return el(
    'div',
    { class: 'bar-row' },
    el('span', { class: 'bar-label' }, label),
    el('div', { class: 'bar' }, fill),
    el('span', { class: 'bar-value' }, percent(value)),
  );
}

/** Stocks have one value (the figure at the end of the period); flows have the period's and the running total. */
function totals(f: FormSummary): HTMLElement[] {
  const out: HTMLElement[] = [];
  const stocks = f.indicators.filter((i) => i.kind === 'stock');
  const flows = f.indicators.filter((i) => i.kind === 'flow');
  if (stocks.length) {
    const t = el('table', { class: 'totals stocks' }, el('tr', {}, el('th', {}, UI.stocks), el('th', { class: 'num' }, UI.value)));
    // The same note on every line is said once, under the table; different ones stay on their lines.
    const notes = new Set(stocks.map((i) => (i.carried ? CARRIED_TEXT.line(i.carried) : '')));
    const once = notes.size === 1 && !notes.has('') ? [...notes][0] : null;
    for (const i of stocks) {
      const note = !once && i.carried ? el('div', { class: 'carried' }, CARRIED_TEXT.line(i.carried)) : '';
      t.append(el('tr', { 'data-key': i.key }, el('td', {}, i.header, note), el('td', { class: 'num' }, number(i.period, i.decimal))));
    }
    out.push(t);
    const c = stocks[0].carried;
    if (once && c) out.push(el('div', { class: 'carried once' }, CARRIED_TEXT.once(c)));
  }
  if (flows.length) {
    const t = el(
      'table',
      { class: 'totals flows' },
      el('tr', {}, el('th', {}, UI.flows), el('th', { class: 'num' }, UI.inPeriod), el('th', { class: 'num' }, UI.cumulative)),
    );
    for (const i of flows)
      t.append(
        el(
          'tr',
          { 'data-key': i.key },
          el('td', {}, i.header),
          el('td', { class: 'num' }, number(i.period, i.decimal)),
          el('td', { class: 'num' }, number(i.cumulative, i.decimal)),
        ),
      );
    out.push(t);
  }
  return out;
}

/** The units to chase; what a click did is said right under the list, where the officer is looking. */
function chaseList(f: FormSummary, period: string): HTMLElement[] {
  if (!f.chase.length) return [];
  const status = statusLine('', 'chase-status');
  const list = el('ul', { class: 'chase' });
  for (const u of f.chase) {
    const link = el('a', { href: '#', class: `unit ${u.status}`, 'data-code': u.code }, u.name);
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      void chase(f, u, period, status);
    });
    list.append(el('li', {}, link, ` (${u.label})`));
  }
  return [el('div', { class: 'chase-title' }, UI.toChase), list, status.node];
}

function chase(f: FormSummary, u: UnitLine, period: string, status: Status) {
  return act(status, UI.selectingRows(u.name), async () => {
    const r = await call('selectUnitRows', f.form, u.code, period);
    if (r.rows.length) {
      status.show(UI.rowsSelected(r.unit, r.tab, r.rows), 'ok');
      return;
    }
    status.show(
      [el('b', {}, UI.noRows(r.unit, r.period)), ' ', UI.addRow(r.tab, r.emptyRow ?? 0, r.unit, r.unitHeader, r.period, r.periodHeader)],
      'info',
    );
  });
}

function renderForm(f: FormSummary, period: string): HTMLElement {
  const box = el('section', { class: 'form', 'data-form': f.form });
  box.append(el('h3', {}, f.tab));
  if (f.dueBefore === null) {
    // Nobody is expected this period: no 0/0 bars, one line.
    box.append(el('div', { class: 'no-deadline' }, UI.noDeadline(f.reported)));
  } else {
    box.append(el('div', { class: 'due' }, UI.dueBefore(f.dueBefore)));
    box.append(bar(UI.completeness, f.shares.completeness, 'complete'), bar(UI.timeliness, f.shares.timeliness, 'timely'));
    box.append(el('div', { class: 'counts' }, UI.counts(f.expected, f.reported, f.onTime, f.late)));
    if (f.shares.installRate !== null) box.append(el('div', { class: 'rate' }, `${UI.installRate}: ${percent(f.shares.installRate)}`));
    if (f.measured) box.append(el('div', { class: 'measured' }, f.measured));
    if (f.closedLine) box.append(el('div', { class: 'closed' }, f.closedLine));
    box.append(...chaseList(f, period));
  }
  box.append(...totals(f));
  return box;
}

async function main() {
  app.textContent = '';
  const tabs = el('div', { class: 'tabs' });
  const reportTab = el('button', { class: 'tab active', id: 'tab-report' }, UI.reportTab);
  const remindTab = el('button', { class: 'tab', id: 'tab-remind' }, UI.remindTab);
  tabs.append(reportTab, remindTab);
  const reportStatus = statusLine('status');
  const remindStatus = statusLine('remind-status');
  const reportPane = el('div', { id: 'report-pane' }, reportStatus.node);
  const remindBody = el('div', { id: 'remind-body' });
  const remindPane = el('div', { id: 'remind-pane', hidden: '' }, remindStatus.node, remindBody);
  app.append(tabs, reportPane, remindPane);
  reportTab.addEventListener('click', () => {
    reportPane.hidden = false;
    remindPane.hidden = true;
    reportTab.classList.add('active');
    remindTab.classList.remove('active');
  });
  remindTab.addEventListener('click', () => {
    reportPane.hidden = true;
    remindPane.hidden = false;
    remindTab.classList.add('active');
    reportTab.classList.remove('active');
    void act(remindStatus, UI.loading, () => loadReminders(remindBody, remindStatus)).then(() => {
      if (remindStatus.node.classList.contains('progress')) remindStatus.node.hidden = true;
    });
  });

  const data = await act(reportStatus, UI.loading, () => call('sidebarData'));
  if (!data) return;
  if (!data.periods.length) {
    reportStatus.show(UI.noPeriods, 'info');
    return;
  }
  const periodSelect = el('select', { id: 'period' });
  for (const p of data.periods) periodSelect.append(el('option', { value: p }, p));
  if (data.defaultPeriod) periodSelect.value = data.defaultPeriod;
  const formSelect = el('select', { id: 'form' }, el('option', { value: '' }, UI.allForms));
  for (const f of data.forms) formSelect.append(el('option', { value: f.id }, f.tab));
  const picker = el('div', { class: 'picker' }, el('label', {}, UI.period, periodSelect), el('label', {}, UI.form, formSelect));
  const results = el('div', { id: 'results' });
  const confirmHost = el('div', { id: 'confirm' });
  const buttons = el('div', { class: 'buttons' });
  reportPane.append(picker, buttons, confirmHost, results);

  let summary: ReportSummary | null = null;
  const selection = () => ({ period: periodSelect.value, forms: formSelect.value ? [formSelect.value] : data.forms.map((f) => f.id) });
  // The summary's work, run by `refresh` (one action) or inside another action that changed it (a reclose).
  const load = async (): Promise<void> => {
    const { period, forms } = selection();
    summary = await call('sidebarReport', period, forms);
    results.textContent = '';
    if (!summary.pastDeadline) results.append(el('div', { class: 'notice' }, UI.beforeDeadline));
    if (summary.signerMissing) results.append(el('div', { class: 'notice', id: 'signer-missing' }, UI.signerMissing));
    for (const f of summary.forms) results.append(renderForm(f, period));
    if (summary.reclose) {
      // The server asks the officer to confirm (a dialog in the spreadsheet) before closing again.
      const again = el('button', { id: 'btn-reclose' }, summary.reclose);
      again.addEventListener(
        'click',
        () =>
          void act(reportStatus, UI.reclosing(period), async () => {
            const r = await call('reclosePeriod', period);
            if (r.done) await load();
            reportStatus.show(r.message, r.done ? 'ok' : 'info');
          }),
      );
      results.append(again);
    }
    reportStatus.show(UI.ready(period), 'ok');
  };
  const refresh = () => act(reportStatus, UI.computing(periodSelect.value), load);
  periodSelect.addEventListener('change', () => void refresh());
  formSelect.addEventListener('change', () => void refresh());

  // The report's actions, one line each: [id, label, what it does].
  const actions: [string, string, () => Promise<unknown>][] = [
    [
      'btn-tab',
      UI.createTab,
      () =>
        act(reportStatus, UI.creatingTab, async () => {
          const { period, forms } = selection();
          const r = await call('createReportTab', period, forms);
          reportStatus.show(UI.tabCreated(r.sheetName), 'ok');
        }),
    ],
    [
      'btn-doc',
      UI.createDoc,
      () =>
        act(reportStatus, UI.creatingDoc, async () => {
          const { period, forms } = selection();
          const r = await call('createReportDocument', period, forms);
          const open = el('a', { href: r.url, target: '_blank', rel: 'noopener', id: 'doc-link' }, UI.openDoc);
          const pdf = el('a', { href: r.pdfUrl, target: '_blank', rel: 'noopener', id: 'pdf-link' }, UI.pdf);
          reportStatus.show([UI.docCreated(r.name), el('br'), open, ' · ', pdf], 'ok');
        }),
    ],
    [
      'btn-mail',
      UI.emailAdmins,
      async () => {
        const to = summary?.adminEmails ?? [];
        if (!to.length) {
          reportStatus.show(UI.noAdmins, 'error');
          return;
        }
        const { period, forms } = selection();
        const what = formSelect.value ? formSelect.selectedOptions[0].text : UI.allForms;
        if (!(await confirmIn(confirmHost, UI.confirmMail(period, what, to.length), to))) {
          reportStatus.show(UI.cancelled, 'info');
          return;
        }
        await act(reportStatus, UI.sendingReport, async () => {
          const r = await call('emailReport', period, forms, to);
          reportStatus.show(UI.reportSent(r.to.length), 'ok');
        });
      },
    ],
  ];
  actions.forEach(([id, label, run], i) => {
    const b = el('button', { id, class: i === 0 ? 'primary' : '' }, label);
    b.addEventListener('click', () => void run());
    buttons.append(b);
  });
  await refresh();
}

async function loadReminders(pane: HTMLElement, status: Status) {
  const panel: ReminderPanel = await call('reminderPanel');
  pane.textContent = '';
  const toggle = el('input', { type: 'checkbox', id: 'auto-remind' });
  toggle.checked = panel.autoRemind;
  toggle.addEventListener('change', () => {
    const on = toggle.checked;
    void act(status, UI.switching, async () => {
      await call('setAutoRemindFromSidebar', on);
      await loadReminders(pane, status);
      status.show(on ? UI.autoOn : UI.autoOff, 'ok');
    }).then(() => {
      if (status.node.classList.contains('error')) toggle.checked = !on;
    });
  });
  pane.append(el('label', { class: 'switch' }, toggle, UI.autoRemind));

  // One line on what is sent next, which respects the switch and what today already sent.
  const next = el('div', { class: 'next', id: 'next-send' });
  if (panel.sentToday) next.append(UI.sentToday(panel.sentToday), ' ');
  if (!panel.autoRemind) next.append(UI.autoIsOff);
  else if (!panel.nextSend) next.append(UI.nextNone);
  else {
    const n = panel.nextSend;
    next.append(`${UI.nextSend(n.day, n.today, n.hour, n.emails)}${n.today ? '' : ` (${UI.ifUnchanged})`}: ${n.what.join('; ')}.`);
  }
  pane.append(next, el('p', { class: 'schedule' }, panel.schedule));

  pane.append(panel.preview.length ? el('h3', {}, UI.todayPreview(panel.preview.length)) : el('p', { class: 'nothing' }, UI.nothingToday));
  const list = el('ul', { class: 'preview' });
  for (const m of panel.preview) {
    const what = [m.unit, m.form && `${m.form} kỳ ${m.period}`, m.step].filter(Boolean).join(' · ');
    list.append(
      el('li', {}, el('b', {}, what), el('br'), el('small', {}, m.to.join(', ')), el('br'), el('small', { class: 'subject' }, m.subject)),
    );
  }
  pane.append(list);
  const confirmHost = el('div', { class: 'confirm-host' });
  const send = el('button', { id: 'btn-send', class: 'primary' }, UI.sendNow);
  send.disabled = panel.preview.length === 0;
  send.addEventListener('click', async () => {
    const who = panel.preview.map((m) => `${m.unit}: ${m.to.join(', ')}`);
    if (!(await confirmIn(confirmHost, UI.confirmSend(panel.preview.length), who))) {
      status.show(UI.cancelled, 'info');
      return;
    }
    await act(status, UI.sending, async () => {
      const r = await call('sendRemindersNow');
      await loadReminders(pane, status);
      status.show(r.busy ? UI.busy : UI.sent(r.sent, r.failed, r.deferred), r.failed || r.busy ? 'error' : 'ok');
    });
  });
  pane.append(send, confirmHost, el('h3', {}, UI.lastRuns));
  const runs = el('ul', { class: 'runs' });
  for (const r of panel.lastRuns) runs.append(el('li', {}, UI.runLine(r.at, r.sent, r.failed, r.other)));
  if (!panel.lastRuns.length) runs.append(el('li', {}, UI.noRuns));
  pane.append(runs);
}

void main();
