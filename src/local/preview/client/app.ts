// The preview page: a spreadsheet-like grid, tabs, the script's menu, the sidebar panel, an outbox and a clock.
// Every cell text and message is set through textContent or title: the page never parses what a cell holds as HTML.
import type {
  Alert,
  CellStyle,
  DailyRun,
  PageState as State,
  Question,
  Selection as ScriptSelection,
  SheetView,
  UiDelta,
} from '../session';
import type { MenuRecord } from '../../runtime';
import { T } from './text';

const $ = <E extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as E;
const grid = $<HTMLTableElement>('grid');
const wrap = $('grid-wrap');
const editor = $<HTMLInputElement>('cell-editor');
const ROWNUM_WIDTH = 46;

let state: State | null = null;
let current = '';
let view: SheetView | null = null;
let sel = { row: 1, col: 1 };
/** The ranges the script last selected (the sidebar's "select the unit's rows"), shown until the user clicks a cell. */
let picked: ScriptSelection | null = null;
let scrollToPick = false;
let editing: { row: number; col: number; initial: string | null } | null = null;
let pending = 0;

// ------------------------------------------------------------------ server calls
class ApiError extends Error {
  constructor(
    message: string,
    readonly ui?: UiDelta,
  ) {
    super(message);
  }
}

function busy(delta: number): void {
  pending = Math.max(0, pending + delta);
  $('busy').hidden = pending === 0;
}

async function api<R>(path: string, body?: unknown): Promise<R> {
  busy(1);
  try {
    let res: Response;
    try {
      res = await fetch(
        path,
        body === undefined
          ? { cache: 'no-store' }
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      );
    } catch {
      throw new ApiError(T.offline);
    }
    const data = await res.json().catch(() => null);
    if (!data) throw new ApiError(T.serverError(res.status));
    if (!data.ok) throw new ApiError(String(data.error?.message ?? T.serverError(res.status)), data.ui);
    return data as R;
  } finally {
    busy(-1);
  }
}

/**
 * Runs a script action; whatever the script showed (alerts, sidebar, a new active tab) is shown, then the page
 * refreshes. A question the script asks (ui.alert with Có/Không) is put to the person, and the action runs again with
 * the answers (see Session.act).
 */
async function action<R extends { ui?: UiDelta }>(what: string, path: string, body: object): Promise<R | null> {
  try {
    const r = await answered((answers) => api<R>(path, { ...body, answers }));
    await afterUi(r.ui);
    return r;
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(String(e));
    if (err.ui) await afterUi(err.ui);
    else await refresh().catch(() => undefined);
    banner(err.ui ? T.scriptFailed(what) : T.error, err.message, 'error');
    return null;
  }
}

async function afterUi(ui: UiDelta | undefined): Promise<void> {
  if (ui?.activated) current = ui.activated;
  if (ui?.selection) {
    picked = ui.selection;
    scrollToPick = true;
  }
  if (ui?.sidebar) openSidebar(ui.sidebar.title);
  await refresh();
  for (const a of ui?.alerts ?? []) showAlert(a);
  for (const t of ui?.toasts ?? []) toast([t.title, t.message].filter(Boolean).join('\n'));
  for (const d of ui?.dialogs ?? []) toast(T.dialogOpened(d));
}

// ------------------------------------------------------------------ messages
function banner(title: string, message: string, kind: 'info' | 'error' = 'info'): void {
  const box = document.createElement('div');
  box.className = `banner ${kind}`;
  const text = document.createElement('div');
  text.className = 'text';
  const b = document.createElement('b');
  b.textContent = title;
  text.append(b, document.createTextNode(message));
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.title = T.close;
  close.addEventListener('click', () => box.remove());
  box.append(text, close);
  $('alert-area').append(box);
}

function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const t = document.createElement('div');
  t.className = `toast ${kind}`;
  t.textContent = message;
  $('toasts').append(t);
  setTimeout(() => t.remove(), 6000);
}

/** Runs `call` until it stops at no question, asking each one (the answers so far go with every run). */
async function answered<R extends { ui?: UiDelta }>(call: (answers: string[]) => Promise<R>): Promise<R> {
  const answers: string[] = [];
  for (;;) {
    const r = await call(answers);
    const q = r.ui?.question;
    if (!q || answers.length >= 20) return r;
    answers.push(await ask(q));
  }
}

/** A question as Sheets shows it: its buttons (Có, Không…); closing the dialog is CLOSE, as Apps Script answers. */
function ask(q: Question): Promise<string> {
  const choices = q.buttons === 'YES_NO_CANCEL' ? ['YES', 'NO', 'CANCEL'] : q.buttons === 'OK_CANCEL' ? ['OK', 'CANCEL'] : ['YES', 'NO'];
  return new Promise<string>((done) => {
    alertChain = alertChain.then(
      () =>
        new Promise<void>((shown) => {
          const dialog = $<HTMLDialogElement>('alert-dialog');
          $('alert-title').textContent = q.title || (state?.title ?? '');
          $('alert-message').textContent = q.message;
          const form = $('alert-buttons');
          form.textContent = '';
          for (const c of choices) {
            const b = document.createElement('button');
            b.type = 'submit';
            b.value = c;
            b.textContent = T.buttons[c] ?? c;
            form.append(b);
          }
          dialog.returnValue = '';
          dialog.addEventListener(
            'close',
            () => {
              restoreOk();
              done(dialog.returnValue || 'CLOSE');
              shown();
            },
            { once: true },
          );
          dialog.showModal();
        }),
    );
  });
}

/** The plain alert's one OK button, after a question replaced it. */
function restoreOk(): void {
  const form = $('alert-buttons');
  form.textContent = '';
  const b = document.createElement('button');
  b.type = 'submit';
  b.id = 'alert-ok';
  b.value = 'OK';
  b.textContent = T.ok;
  form.append(b);
}

// The sidebar's google.script.run (bridge.ts, same origin) puts its questions to the person through this page.
(window as unknown as { ispeedAsk: (q: Question) => Promise<string> }).ispeedAsk = ask;

let alertChain: Promise<void> = Promise.resolve();
/** ui.alert as a modal dialog; several alerts show one after the other. */
function showAlert(a: Alert): void {
  const dialog = $<HTMLDialogElement>('alert-dialog');
  alertChain = alertChain.then(
    () =>
      new Promise<void>((done) => {
        $('alert-title').textContent = a.title || (state?.title ?? '');
        $('alert-message').textContent = a.message;
        dialog.addEventListener('close', () => done(), { once: true });
        dialog.showModal();
      }),
  );
}

// ------------------------------------------------------------------ chrome: title, menu, tabs, outbox count
async function refresh(): Promise<void> {
  state = await api<State>('/api/state');
  if (!state.sheets.includes(current)) current = state.active ?? state.sheets[0] ?? '';
  renderChrome(state);
  await loadSheet();
}

function renderChrome(s: State): void {
  $('doc-title').textContent = s.title;
  document.title = `${s.title} · i-Speed`;
  renderMenus(s.menus);
  const tabs = $('tabs');
  tabs.textContent = '';
  for (const name of s.sheets) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = name;
    b.dataset.sheet = name;
    if (name === current) b.classList.add('active');
    b.addEventListener('click', () => {
      current = name;
      sel = { row: 1, col: 1 };
      wrap.scrollTo(0, 0);
      void refresh().catch(showFailure);
    });
    tabs.append(b);
  }
  // The tab shown is always in view (one the script just created or activated may be past the bar's end).
  tabs.querySelector('button.active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  $('outbox-count').textContent = String(s.outbox.length);
  $('save-state').textContent = T.saved(s.file);
  if (!$('outbox').hidden) renderOutbox(s.outbox);
}

function renderMenus(menus: MenuRecord[]): void {
  const bar = $('menubar');
  bar.textContent = '';
  for (const m of menus) {
    const box = document.createElement('div');
    box.className = 'menu';
    const head = document.createElement('button');
    head.type = 'button';
    head.textContent = m.title;
    const list = document.createElement('div');
    list.className = 'menu-items';
    list.hidden = true;
    addItems(list, m, '');
    head.addEventListener('click', (ev) => {
      ev.stopPropagation();
      const open = list.hidden;
      closeMenus();
      list.hidden = !open;
      box.classList.toggle('open', open);
    });
    box.append(head, list);
    bar.append(box);
  }
}

function addItems(list: HTMLElement, menu: MenuRecord, indent: string): void {
  for (const item of menu.items) {
    if ('separator' in item) {
      list.append(document.createElement('hr'));
      continue;
    }
    if ('subMenu' in item) {
      addItems(list, item.subMenu, `${indent}${item.subMenu.title} › `);
      continue;
    }
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.textContent = indent + item.caption;
    b.addEventListener('click', () => {
      closeMenus();
      void action(T.menuWhat(item.caption), '/api/menu', { fn: item.functionName });
    });
    list.append(b);
  }
}

function closeMenus(): void {
  document.querySelectorAll<HTMLElement>('.menu-items').forEach((l) => {
    l.hidden = true;
  });
  document.querySelectorAll('.menu.open').forEach((m) => {
    m.classList.remove('open');
  });
}

// ------------------------------------------------------------------ the grid
async function loadSheet(): Promise<void> {
  if (!current) return;
  const r = await api<{ sheet: SheetView }>(`/api/sheet?name=${encodeURIComponent(current)}`);
  view = r.sheet;
  const { scrollTop, scrollLeft } = wrap;
  renderGrid(view);
  wrap.scrollTop = scrollTop;
  wrap.scrollLeft = scrollLeft;
  select(Math.min(sel.row, view.rows), Math.min(sel.col, view.cols), false);
  markPicked();
}

function markPicked(): void {
  if (!picked || picked.sheet !== current) return;
  for (const [r, c, nr, nc] of picked.ranges) {
    for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) cellAt(r + i, c + j)?.classList.add('picked');
  }
  if (!scrollToPick) return;
  scrollToPick = false;
  const [r, c] = picked.ranges[0];
  select(r, c, true);
}

function columnLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function cellAt(row: number, col: number): HTMLTableCellElement | null {
  return grid.querySelector<HTMLTableCellElement>(`td[data-row="${row}"][data-col="${col}"]`);
}

function renderGrid(v: SheetView): void {
  grid.textContent = '';
  const colgroup = document.createElement('colgroup');
  const widths = [ROWNUM_WIDTH, ...v.widths];
  for (const w of widths) {
    const c = document.createElement('col');
    c.style.width = `${w}px`;
    colgroup.append(c);
  }
  grid.style.width = `${widths.reduce((a, b) => a + b, 0)}px`;
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'rownum corner';
  hr.append(corner);
  for (let c = 1; c <= v.cols; c++) {
    const th = document.createElement('th');
    th.textContent = columnLetter(c);
    hr.append(th);
  }
  head.append(hr);
  const styles = new Map<string, CellStyle>();
  for (const [r, c, st] of v.styles) styles.set(`${r},${c}`, st);
  const body = document.createElement('tbody');
  for (let r = 1; r <= v.rows; r++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.className = 'rownum';
    th.textContent = String(r);
    tr.append(th);
    const line = v.values[r - 1];
    for (let c = 1; c <= v.cols; c++) {
      const td = document.createElement('td');
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      td.textContent = line[c - 1];
      const st = styles.get(`${r},${c}`);
      if (st) applyStyle(td, st);
      // As Sheets shows it: a left-aligned text that does not wrap runs on over the empty cells to its right (see CSS).
      if (!line[c - 1]) {
        if (!st?.bg) td.classList.add('blank');
      } else if (!st?.wrap && (!st?.align || st.align === 'left') && c < v.cols && !line[c]) td.classList.add('spill');
      tr.append(td);
    }
    body.append(tr);
  }
  grid.append(colgroup, head, body);
  for (const [r, c, nr, nc] of v.merges) {
    const top = cellAt(r, c);
    if (!top) continue;
    for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) if (i || j) cellAt(r + i, c + j)?.classList.add('covered');
    top.rowSpan = nr;
    top.colSpan = nc;
  }
  freeze(v, head, body);
  const notes: string[] = [];
  if (v.truncated) notes.push(T.truncated(v.rows));
  if (v.charts) notes.push(T.charts(v.charts));
  $('sheet-info').textContent = notes.join(' ');
}

function applyStyle(td: HTMLTableCellElement, st: CellStyle): void {
  // CSSOM assignments: a value that is not a colour or alignment is simply ignored by the browser.
  if (st.bg) td.style.backgroundColor = st.bg;
  if (st.color) td.style.color = st.color;
  if (st.bold) td.style.fontWeight = 'bold';
  if (st.italic) td.style.fontStyle = 'italic';
  if (st.align) td.style.textAlign = st.align;
  if (st.wrap) td.classList.add('wrap');
  if (st.note) {
    td.title = st.note;
    td.classList.add('note');
    td.dataset.note = st.note;
  }
}

/** Frozen rows and columns stay in view, like Sheets' freeze (sticky cells below the column letters). */
function freeze(v: SheetView, head: HTMLElement, body: HTMLTableSectionElement): void {
  let top = head.offsetHeight;
  for (let r = 1; r <= Math.min(v.frozenRows, v.rows); r++) {
    const tr = body.rows[r - 1];
    for (const cell of Array.from(tr.cells)) {
      cell.style.top = `${top}px`;
      cell.classList.add('frozen', 'frozen-row'); // above the rows scrolled under it, frozen columns included
    }
    top += tr.offsetHeight;
    if (r === v.frozenRows) tr.classList.add('frozen-last');
  }
  if (!v.frozenColumns) return;
  // The frozen columns' letters stay too, and where frozen rows and columns meet the cells stay above both.
  for (const tr of [...Array.from(head.querySelectorAll('tr')), ...Array.from(body.rows)]) {
    let left = ROWNUM_WIDTH;
    for (let c = 1; c <= Math.min(v.frozenColumns, v.cols); c++) {
      const cell = tr.cells[c];
      if (!cell) break;
      cell.style.left = `${left}px`;
      cell.classList.add('frozen-col');
      if (cell.tagName === 'TD') cell.classList.add('frozen');
      left += v.widths[c - 1];
    }
  }
}

function select(row: number, col: number, scroll = true): void {
  if (!view) return;
  sel = { row: Math.max(1, Math.min(row, view.rows)), col: Math.max(1, Math.min(col, view.cols)) };
  grid.querySelectorAll('td.selected').forEach((td) => {
    td.classList.remove('selected');
  });
  const td = cellAt(sel.row, sel.col);
  td?.classList.add('selected');
  if (scroll && td) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  $('cell-ref').textContent = `${columnLetter(sel.col)}${sel.row}`;
  $('cell-text').textContent = view.values[sel.row - 1]?.[sel.col - 1] ?? '';
  const note = td?.dataset.note ?? '';
  // The strip keeps its height whether or not there is a note: a layout shift under the mouse would move a
  // double-click onto the next row.
  $('cell-note').textContent = note;
  $('cell-note').title = note;
  $('cell-note').classList.toggle('empty', !note);
}

function startEdit(initialText: string | null, typed?: string): void {
  if (!view || !current) return;
  const td = cellAt(sel.row, sel.col);
  if (!td) return;
  editing = { row: sel.row, col: sel.col, initial: initialText };
  const box = td.getBoundingClientRect(),
    outer = wrap.getBoundingClientRect();
  editor.style.left = `${box.left - outer.left + wrap.scrollLeft}px`;
  editor.style.top = `${box.top - outer.top + wrap.scrollTop}px`;
  editor.style.minWidth = `${box.width}px`;
  editor.style.height = `${box.height}px`;
  editor.value = typed ?? initialText ?? '';
  editor.hidden = false;
  editor.focus();
}

async function commit(move: [number, number]): Promise<void> {
  if (!editing) return;
  const e = editing;
  editing = null;
  editor.hidden = true;
  const text = editor.value;
  wrap.focus();
  select(e.row + move[0], e.col + move[1]);
  if (text === e.initial) return;
  await sendEdit(e.row, e.col, [[text]]);
}

function cancelEdit(): void {
  editing = null;
  editor.hidden = true;
  wrap.focus();
}

async function sendEdit(row: number, col: number, values: string[][]): Promise<void> {
  const ref = `${columnLetter(col)}${row}`;
  await action(T.editWhat(ref), '/api/edit', { sheet: current, row, col, values });
}

/** A tab-separated block from the clipboard (what Sheets and Excel copy), as one edit of a block. */
function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const rows = lines.map((l) => l.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
}

const typingTarget = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA');

function onKey(ev: KeyboardEvent): void {
  if (editing || typingTarget(ev.target) || $<HTMLDialogElement>('alert-dialog').open || !view) return;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Tab: [0, 1],
  };
  if (moves[ev.key]) {
    ev.preventDefault();
    select(sel.row + moves[ev.key][0], sel.col + moves[ev.key][1]);
  } else if (ev.key === 'Enter' || ev.key === 'F2') {
    ev.preventDefault();
    startEdit(view.values[sel.row - 1]?.[sel.col - 1] ?? '');
  } else if (ev.key === 'Delete' || ev.key === 'Backspace') {
    ev.preventDefault();
    if (view.values[sel.row - 1]?.[sel.col - 1]) void sendEdit(sel.row, sel.col, [['']]);
  } else if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
    ev.preventDefault();
    startEdit(null, ev.key);
  }
}

// ------------------------------------------------------------------ sidebar and outbox
function openSidebar(title: string): void {
  $('sidebar').hidden = false;
  $('sidebar-title').textContent = title;
  $<HTMLIFrameElement>('sidebar-frame').src = `/sidebar?t=${Date.now()}`;
}

function closeSidebar(): void {
  $('sidebar').hidden = true;
  $<HTMLIFrameElement>('sidebar-frame').src = 'about:blank';
}

function renderOutbox(mails: State['outbox']): void {
  const list = $('outbox-list');
  list.textContent = '';
  if (!mails.length) {
    const p = document.createElement('div');
    p.className = 'empty';
    p.textContent = T.outboxEmpty;
    list.append(p);
    return;
  }
  const table = document.createElement('table');
  const head = document.createElement('tr');
  for (const h of [T.outboxHead.at, T.outboxHead.to, T.outboxHead.subject]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  table.append(head);
  for (const m of mails.slice().reverse()) {
    const tr = document.createElement('tr');
    tr.className = 'mail';
    tr.dataset.mail = String(m.i);
    for (const text of [m.at, m.to, m.subject]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tr.addEventListener('click', () => {
      list.querySelectorAll('tr.open').forEach((x) => {
        x.classList.remove('open');
      });
      tr.classList.add('open');
      $('mail-head').textContent = `${T.outboxHead.to}: ${m.to}\n${T.outboxHead.subject}: ${m.subject}\n${T.outboxHead.at}: ${m.at}`;
      $('mail-head').hidden = false;
      $<HTMLIFrameElement>('mail-frame').src = `/api/mail?i=${m.i}`;
    });
    table.append(tr);
  }
  list.append(table);
}

// ------------------------------------------------------------------ clock
async function setClock(): Promise<void> {
  const at = $<HTMLInputElement>('clock-input').value;
  if (!at) return;
  try {
    const r = await api<{ nowText: string }>('/api/clock', { at });
    toast(T.clockSet(r.nowText)); // the server's text of the time, as the page shows every time: 05/09/2024 08:30
  } catch (e) {
    showFailure(e);
  }
}

async function runDaily(): Promise<void> {
  const input = $<HTMLInputElement>('clock-input');
  const at = input.value || state?.now || '';
  const button = $<HTMLButtonElement>('btn-daily');
  button.disabled = true;
  try {
    const r = await action<DailyRun>(T.dailyWhat, '/api/daily', { at });
    if (r) toast(T.dailyDone(r.how, state?.nowText ?? at, r.mails, r.remindersOff));
  } finally {
    button.disabled = false;
  }
}

function showFailure(e: unknown): void {
  banner(T.error, e instanceof Error ? e.message : String(e), 'error');
}

// ------------------------------------------------------------------ wiring
function wire(): void {
  grid.addEventListener('click', (ev) => {
    const td = (ev.target as HTMLElement).closest('td');
    if (td && !editing) {
      picked = null;
      grid.querySelectorAll('td.picked').forEach((x) => {
        x.classList.remove('picked');
      });
      select(Number(td.dataset.row), Number(td.dataset.col), false);
      wrap.focus();
    }
  });
  grid.addEventListener('dblclick', (ev) => {
    const td = (ev.target as HTMLElement).closest('td');
    if (!td || !view) return;
    select(Number(td.dataset.row), Number(td.dataset.col), false);
    startEdit(view.values[sel.row - 1]?.[sel.col - 1] ?? '');
  });
  editor.addEventListener('keydown', (ev) => {
    ev.stopPropagation();
    if (ev.key === 'Enter') {
      ev.preventDefault();
      void commit([1, 0]);
    } else if (ev.key === 'Tab') {
      ev.preventDefault();
      void commit([0, 1]);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      cancelEdit();
    }
  });
  editor.addEventListener('blur', () => {
    if (editing) void commit([0, 0]);
  });
  document.addEventListener('keydown', onKey);
  document.addEventListener('paste', (ev) => {
    if (editing || typingTarget(ev.target) || !view || !current) return;
    const text = ev.clipboardData?.getData('text/plain') ?? '';
    if (!text) return;
    ev.preventDefault();
    void sendEdit(sel.row, sel.col, parseClipboard(text));
  });
  document.addEventListener('click', closeMenus);
  $('sidebar-close').addEventListener('click', closeSidebar);
  $('btn-outbox').addEventListener('click', () => {
    const box = $('outbox');
    box.hidden = !box.hidden;
    if (!box.hidden && state) renderOutbox(state.outbox);
  });
  $('outbox-close').addEventListener('click', () => {
    $('outbox').hidden = true;
  });
  $('clock-input').addEventListener('change', () => void setClock());
  $('btn-daily').addEventListener('click', () => void runDaily());
  // The sidebar's google.script.run bridge reports its calls here (same origin only).
  window.addEventListener('message', (ev) => {
    const d = ev.data;
    if (ev.origin !== location.origin || !d || d.source !== 'ispeed-preview') return;
    if (d.type === 'busy') busy(Number(d.delta) || 0);
    else if (d.type === 'close') closeSidebar();
    else if (d.type === 'ui') void afterUi(d.ui as UiDelta).catch(showFailure);
  });
}

async function main(): Promise<void> {
  wire();
  try {
    await refresh();
  } catch (e) {
    showFailure(e);
    return;
  }
  if (state) {
    $<HTMLInputElement>('clock-input').value = state.now;
    for (const a of state.startupAlerts) banner(`${T.startup} ${a.title}`, a.message);
  }
  document.body.dataset.ready = '1';
}

void main();
