// The local preview: `npm start [-- BOOK.xlsx]` serves the workbook copy, the real menu and sidebar, an outbox and a
// clock over plain Node http. Nothing here decides anything: every action runs the built bundle's own functions.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { escapeHtml } from '../../core/safety';
import { Session, ScriptError, type SessionOptions } from './session';
import { loadAssets, withBridge, type Assets } from './assets';
import { PV } from './text';
import { Button } from '../runtime';
import { htmlToPdf } from './pdf';

export interface PreviewOptions extends SessionOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
}

export interface Preview {
  url: string;
  port: number;
  session: Session;
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;
const PAGE_CSP = "default-src 'self'; frame-src 'self'; img-src 'self' data:";
const SIDEBAR_CSP = "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:";
const MAIL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, csp?: string): void {
  const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (csp) headers['content-security-policy'] = csp;
  res.writeHead(status, headers);
  res.end(body);
}
const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  // application/json forces a CORS preflight, so other sites cannot post to the preview.
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, PV.badRequest);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, PV.tooLarge);
    chunks.push(chunk as Buffer);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (body && typeof body === 'object' && !Array.isArray(body)) return body;
  } catch {
    /* answered below */
  }
  throw new HttpError(400, PV.badRequest);
}

/** A wall-clock time typed in the page ('2024-08-09T08:30') is Gia Lai time (UTC+7, no daylight saving). */
function gialaiTime(v: unknown): Date {
  const m = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(v) : null;
  const d = m ? new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}+07:00`) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new HttpError(400, PV.badTime);
  return d;
}

function textGrid(v: unknown): string[][] {
  if (!Array.isArray(v) || !v.length || v.length > 100000) throw new HttpError(400, PV.badRequest);
  return v.map((row) => {
    if (!Array.isArray(row) || row.length > 1000) throw new HttpError(400, PV.badRequest);
    return row.map((x) => (x === null || x === undefined ? '' : String(x)));
  });
}

const int = (v: unknown) => {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new HttpError(400, PV.badRequest);
  return v;
};

/** The buttons the page answered a run's questions with, in order: the names of the runtime's (Apps Script's) Button. */
const BUTTONS = new Set<string>(Object.keys(Button));
function answersOf(v: unknown): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > 20 || !v.every((x) => typeof x === 'string' && BUTTONS.has(x)))
    throw new HttpError(400, PV.badRequest);
  return v as string[];
}

function mailPage(session: Session, i: number): string {
  const m = session.mail(i);
  if (!m) throw new HttpError(404, PV.noMail);
  if (m.htmlBody) return m.htmlBody;
  return `<!DOCTYPE html><meta charset="utf-8"><pre style="white-space:pre-wrap;font:13px Arial,sans-serif">${escapeHtml(m.body)}</pre>`;
}

async function route(session: Session, assets: Assets, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://preview.local');
  const path = url.pathname;
  if (req.method === 'GET') {
    if (path === '/' || path === '/index.html') return send(res, 200, 'text/html; charset=utf-8', assets.html, PAGE_CSP);
    if (path === '/preview.css') return send(res, 200, 'text/css; charset=utf-8', assets.css);
    if (path === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', assets.app);
    if (path === '/sidebar') {
      const page = session.sidebarHtml();
      if (page === null) throw new HttpError(404, PV.noSidebar);
      return send(res, 200, 'text/html; charset=utf-8', withBridge(page, assets.bridge), SIDEBAR_CSP);
    }
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (path === '/api/state') return json(res, 200, { ok: true, ...session.state() });
    if (path === '/api/sheet') {
      const view = session.sheetView(url.searchParams.get('name') ?? '');
      if (!view) throw new HttpError(404, PV.noSheet(url.searchParams.get('name') ?? ''));
      return json(res, 200, { ok: true, sheet: view });
    }
    if (path.startsWith('/doc/') && path.endsWith('/pdf')) {
      const page = session.documentHtml(decodeURIComponent(path.slice('/doc/'.length, -'/pdf'.length)));
      if (page === null) throw new HttpError(404, PV.notFound);
      const pdf = await htmlToPdf(page);
      res.writeHead(200, {
        'content-type': 'application/pdf',
        'content-disposition': 'inline; filename="bao-cao.pdf"',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(pdf);
      return;
    }
    if (path.startsWith('/doc/')) {
      const page = session.documentHtml(decodeURIComponent(path.slice('/doc/'.length)));
      if (page === null) throw new HttpError(404, PV.notFound);
      return send(res, 200, 'text/html; charset=utf-8', page, MAIL_CSP);
    }
    if (path === '/api/mail')
      return send(res, 200, 'text/html; charset=utf-8', mailPage(session, Number(url.searchParams.get('i'))), MAIL_CSP);
    throw new HttpError(404, PV.notFound);
  }
  if (req.method !== 'POST') throw new HttpError(405, PV.badRequest);
  const body = await readJson(req);
  try {
    switch (path) {
      case '/api/edit': {
        const ui = await session.edit(String(body.sheet ?? ''), int(body.row), int(body.col), textGrid(body.values));
        return json(res, 200, { ok: true, ui });
      }
      case '/api/menu':
        return json(res, 200, { ok: true, ui: await session.runMenu(String(body.fn ?? ''), answersOf(body.answers)) });
      case '/api/run': {
        const args = Array.isArray(body.args) ? body.args : [];
        const r = await session.runServer(String(body.name ?? ''), args, answersOf(body.answers));
        return json(res, 200, { ok: true, result: r.result, ui: r.ui });
      }
      case '/api/clock': {
        return json(res, 200, { ok: true, nowText: session.setClock(gialaiTime(body.at)) });
      }
      case '/api/daily': {
        const r = await session.runDaily(gialaiTime(body.at));
        return json(res, 200, { ok: true, ...r });
      }
      default:
        throw new HttpError(404, PV.notFound);
    }
  } catch (e) {
    // A script failure is an answer, not a server error: the page shows it, the server keeps running.
    if (e instanceof ScriptError) return json(res, 200, { ok: false, error: { message: e.message }, ui: e.ui });
    throw e;
  }
}

/** Starts the preview; resolves once it listens (rejects with code EADDRINUSE when the port is taken). */
export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const assets = loadAssets();
  const session = await Session.open(opts);
  const server = createServer((req, res) => {
    route(session, assets, req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      const message = e instanceof Error ? e.message : String(e);
      if (!res.headersSent) json(res, status, { ok: false, error: { message } });
      else res.end();
    });
  });
  const host = opts.host ?? 'localhost';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    session,
    close() {
      closing ??= new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }).then(() => session.save());
      return closing;
    },
  };
}

/** `npm start [-- BOOK.xlsx]`: the demo (saved as demo.preview.xlsx) or a copy of BOOK (BOOK.preview.xlsx). */
async function main(argv: string[]): Promise<void> {
  // npm runs scripts from the package root; INIT_CWD is where the user typed `npm start`.
  const cwd = process.env.INIT_CWD || process.cwd();
  const book = argv[0] ? resolve(cwd, argv[0]) : undefined;
  if (book && !existsSync(book)) {
    console.error(PV.noBook(argv[0]));
    process.exit(2);
  }
  if (book && !/\.xlsx$/i.test(book)) {
    console.error(PV.notXlsx(argv[0]));
    process.exit(2);
  }
  const out = book ? book.replace(/\.xlsx$/i, '.preview.xlsx') : resolve(cwd, 'demo.preview.xlsx');
  const port = process.env.PORT ? Number(process.env.PORT) : 8080;
  let preview: Preview;
  try {
    preview = await startPreview({ book, out, port });
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? (e as { code: unknown }).code : null;
    console.error(code === 'EADDRINUSE' ? PV.portTaken(port) : PV.startFailed(e instanceof Error ? e.message : String(e)));
    process.exit(1);
  }
  console.log(PV.serving(preview.url, out));
  const stop = () => {
    preview.close().then(
      () => {
        console.log(PV.stopped(out));
        process.exit(0);
      },
      (e: unknown) => {
        console.error(PV.saveFailed(out, e instanceof Error ? e.message : String(e)));
        process.exit(1);
      },
    );
  };
  // The preview outlives any one failing call: log it and keep serving.
  process.on('unhandledRejection', (e) => console.error(e));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run by scripts/run-ts.mjs, which sets argv[1] to this file; imported by tests, it only exports startPreview.
if (process.argv[1] && /src[\\/]local[\\/]preview[\\/]server\.ts$/.test(process.argv[1])) void main(process.argv.slice(2));
