/**
 * A browser-like global scope (jsdom, as Jest's plugin tests use) so @grafana/data loads under
 * plain Node and the benchmark can build frames. Imported before anything that imports it.
 */
import { JSDOM } from 'jsdom';

const globals = globalThis as Record<string, unknown>;
if (globals.window === undefined) {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'http://localhost/',
  });
  globals.window = dom.window;
  globals.document = dom.window.document;
  globals.localStorage = dom.window.localStorage;
  globals.matchMedia = () => ({ matches: false, addListener: () => undefined });
  (dom.window as unknown as Record<string, unknown>).matchMedia = globals.matchMedia;
}
