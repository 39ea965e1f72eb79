// ESLint flat config: Grafana's rules for TypeScript and React; Prettier owns formatting.
import grafanaConfig from '@grafana/eslint-config';

export default [
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'pkg/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...grafanaConfig.map((config) => ({ ...config, files: ['**/*.ts', '**/*.tsx'] })),
];
