/** The CES contract as code: wire types, limits, periods, validation. No Grafana, no Node. */
export * from './clamp';
export * from './custom';
export * from './errors';
export * from './filters';
export * from './key';
export * from './limits';
export * from './names';
export * from './namespaces';
export * from './params';
export * from './periods';
export * from './types';
export * from './validate';
export * from './violations';
