// What the preview lets cross google.script.run, and what a typed entry becomes (no browser needed).
import { toWire, isCallableName } from '../../src/local/preview/wire';
import { typedValue } from '../../src/local/preview/typed';
import { withBridge } from '../../src/local/preview/assets';

const vi = { locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh', plainText: false };

test('JSON-like results cross; undefined in arrays becomes null and undefined properties vanish', () => {
  expect(toWire({ a: [1, undefined, 'x'], b: undefined, c: { d: true, e: null } })).toEqual({ a: [1, null, 'x'], c: { d: true, e: null } });
  expect(toWire(undefined)).toBeNull();
});

test('a Date or a function anywhere in a result fails, naming where', () => {
  expect(() => toWire({ forms: [{ dueBefore: new Date() }] })).toThrow('Date at result.forms[0].dueBefore');
  expect(() => toWire([() => 1])).toThrow('Function at result[0]');
});

test('only top-level names without a trailing underscore are callable', () => {
  expect(isCallableName('sidebarData')).toBe(true);
  expect(isCallableName('helper_')).toBe(false);
  expect(isCallableName('a.b')).toBe(false);
  expect(isCallableName(3)).toBe(false);
});

test('typed text becomes what Sheets stores under the Vietnamese locale', () => {
  expect(typedValue('150', vi)).toBe(150);
  expect(typedValue('1.234', vi)).toBe(1234);
  expect(typedValue('12,5', vi)).toBe(12.5);
  expect(typedValue('abc', vi)).toBe('abc');
  expect(typedValue('TRUE', vi)).toBe(true);
  expect((typedValue('20/08/2024', vi) as Date).toISOString()).toBe('2024-08-19T17:00:00.000Z');
  expect((typedValue('7/2024', vi) as Date).toISOString()).toBe('2024-06-30T17:00:00.000Z');
  expect(typedValue('07/2024', { ...vi, plainText: true })).toBe('07/2024');
  expect(typedValue('=1+1', vi)).toBe('=1+1');
  expect(typedValue('31/02/2024', vi)).toBe('31/02/2024');
});

test("the bridge goes first in <head>, before the page's own script, and cannot close its script tag early", () => {
  const page = withBridge(
    '<!DOCTYPE html><html><head><base target="_top"></head><body><script>main()</script></body></html>',
    'x="</script>"',
  );
  expect(page.indexOf('x="<\\/script>"')).toBeLessThan(page.indexOf('<base'));
  expect(page.indexOf('<head>')).toBeLessThan(page.indexOf('x="'));
});
