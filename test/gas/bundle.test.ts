// The built bundle is what Apps Script runs: top-level functions, no modules, no Node, no work at load time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createRuntime, loadBundle } from '../../src/local/runtime';
import { MENU } from '../../src/core/text';

const code = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
const ENTRY_POINTS = ['onOpen', 'onInstall', 'handleEdit', 'dailyTick', 'showSidebar'];

describe('dist/Code.js', () => {
  test('defines the five entry points as top-level functions in a bare context, without throwing', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx, { timeout: 2000 });
    for (const name of ENTRY_POINTS) expect(typeof (ctx as Record<string, unknown>)[name]).toBe('function');
  });

  test('holds no module syntax and references no Node global', () => {
    expect(code).not.toMatch(/\brequire\(|module\.exports|^export |^import /m);
    expect(code).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname|__filename|\bsetTimeout\(|\bglobalThis\.process/);
  });

  test('loading it calls no service (no top-level work)', () => {
    const rt = createRuntime();
    loadBundle(rt);
    expect(rt.totalCalls()).toBe(0);
  });

  test('onOpen builds the i-Speed menu with every item', () => {
    const rt = createRuntime();
    const app = loadBundle(rt);
    rt.open(app);
    const menu = rt.ui.menus.find((m) => m.title === MENU.title)!;
    expect(menu).toBeDefined();
    const items = menu.items.filter((i): i is { caption: string; functionName: string } => 'caption' in i);
    expect(items.map((i) => i.caption)).toEqual([
      MENU.setup,
      MENU.checkAll,
      MENU.report,
      MENU.remindOn,
      MENU.remindOff,
      MENU.releaseTriggers,
      MENU.takeOverTriggers,
    ]);
    for (const item of items) expect(typeof (app as Record<string, unknown>)[item.functionName]).toBe('function');
  });

  test('every sidebar page is self-contained: no external resource', () => {
    const html = readFileSync(join(__dirname, '../../dist/Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html).toContain('<base target="_top">');
  });
});
