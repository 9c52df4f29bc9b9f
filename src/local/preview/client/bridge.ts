// google.script.run and google.script.host for the real sidebar page, injected before its own script.
// Each call is POST /api/run {name, args}; the preview server runs that top-level function in the bundle's sandbox.

type Handler = (value: unknown, userObject?: unknown) => void;
interface Runner {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

const origin = location.origin;
const tell = (msg: Record<string, unknown>) => {
  try {
    window.parent.postMessage({ source: 'ispeed-preview', ...msg }, origin);
  } catch {
    /* no parent page */
  }
};
const tag = (v: unknown) => Object.prototype.toString.call(v).slice(8, -1);

/** Apps Script refuses Dates, functions and DOM nodes as arguments, even nested (APPS_SCRIPT.md). */
function checkArg(v: unknown, path: string): void {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return;
  const kind = tag(v);
  if (kind === 'Array') {
    (v as unknown[]).forEach((x, i) => {
      checkArg(x, `${path}[${i}]`);
    });
    return;
  }
  if (kind === 'Object') {
    for (const [k, x] of Object.entries(v as object)) checkArg(x, `${path}.${k}`);
    return;
  }
  throw new Error(`Tham số không hợp lệ (${path}: ${kind}); google.script.run chỉ nhận số, chuỗi, đúng/sai, null, mảng và đối tượng.`);
}

interface Answer {
  ok?: boolean;
  result?: unknown;
  error?: { message?: string };
  ui?: { question?: unknown };
}

function fail(r: Runner, message: string): void {
  const error = new Error(message);
  if (r.failure) r.failure(error, r.userObject);
  else console.error(error);
}

async function call(r: Runner, name: string, args: unknown[]): Promise<void> {
  try {
    args.forEach((a, i) => {
      checkArg(a, `args[${i}]`);
    });
  } catch (e) {
    setTimeout(() => fail(r, (e as Error).message));
    return;
  }
  tell({ type: 'busy', delta: 1 });
  let data: Answer | null = null;
  const answers: string[] = [];
  try {
    for (;;) {
      const res = await fetch('/api/run', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, args, answers }),
      });
      data = await res.json().catch(() => null);
      if (!data) data = { ok: false, error: { message: `Máy chủ xem trước trả lỗi ${res.status}.` } };
      // A question (ui.alert with Có/Không): the page asks the person, then the call runs again with the answers.
      const q = data.ui?.question;
      const ask = (window.parent as unknown as { ispeedAsk?: (q: unknown) => Promise<string> }).ispeedAsk;
      if (!data.ok || !q || !ask || answers.length >= 20) break;
      answers.push(await ask(q));
    }
  } catch {
    data = { ok: false, error: { message: 'Không kết nối được máy chủ xem trước.' } };
  } finally {
    tell({ type: 'busy', delta: -1 });
  }
  if (data.ui) tell({ type: 'ui', ui: data.ui });
  if (data.ok) {
    if (r.success) r.success(data.result, r.userObject);
  } else {
    fail(r, String(data.error?.message ?? 'Lỗi không xác định.'));
  }
}

/** Each with…() returns a new runner, as Apps Script's does; any other property is a server function. */
function runner(r: Runner): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop) {
        if (prop === 'withSuccessHandler') return (f: Handler) => runner({ ...r, success: f });
        if (prop === 'withFailureHandler') return (f: Handler) => runner({ ...r, failure: f });
        if (prop === 'withUserObject') return (o: unknown) => runner({ ...r, userObject: o });
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        return (...args: unknown[]) => {
          void call(r, prop, args);
        };
      },
    },
  );
}

const host = {
  close: () => tell({ type: 'close' }),
  setHeight: (_h: number) => undefined,
  setWidth: (_w: number) => undefined,
  editor: { focus: () => undefined },
  origin,
};

(window as unknown as { google: unknown }).google = { script: { run: runner({}), host } };

export {};
