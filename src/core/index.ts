/**
 * The query translation core: plain data in, plain data out, no I/O and no clock. The browser
 * calls it for panels; the Go backend runs the same code, bundled, for alerts.
 */
export { toBatchAnswer, toOutcome } from './answers';
export { assemble } from './assemble';
export { joinParts } from './join';
export { defaultOptions, resolveOptions } from './options';
export { plan } from './plan';
export { toCoreQuery, type SavedQuery } from './query';
export { shape } from './shape';
export { grafanaUnit } from './units';
export * from './types';
