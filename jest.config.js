// Jest for the whole TypeScript side: the contract, the core, the plugin (jsdom) and the service.
// Node-side projects run in the node environment; plugin code that renders runs under jsdom.

const esmPackages = [
  '@grafana/schema',
  'd3',
  'd3-[a-z-]+',
  'internmap',
  'delaunator',
  'robust-predicates',
  'marked',
  'rxjs',
  'uuid',
  'ol',
  'react-calendar',
  'react-colorful',
  '@wojtekmaj/date-utils',
  'get-user-locale',
  'memoize',
  'mimic-function',
  // light-my-request (fastify's inject) requires the ESM-only cookie package.
  'cookie',
].join('|');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2020',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
  transformIgnorePatterns: [`node_modules/(?!(${esmPackages})/)`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/src/ces/**/*.test.ts',
        '<rootDir>/src/core/**/*.test.ts',
        '<rootDir>/server/**/*.test.ts',
        '<rootDir>/tests/**/*.test.ts',
      ],
    },
    {
      ...shared,
      displayName: 'plugin',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/*.test.ts?(x)', '<rootDir>/src/components/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/jest.setup.js'],
      moduleNameMapper: {
        '\\.(css|scss|sass)$': 'identity-obj-proxy',
        'react-inlinesvg': '<rootDir>/src/__mocks__/react-inlinesvg.tsx',
      },
    },
  ],
};
