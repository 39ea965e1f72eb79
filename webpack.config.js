// Builds dist/: module.js as the AMD module Grafana loads, plus plugin.json, the logo, README.
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const pkg = require('./package.json');

// Libraries Grafana provides at run time: the bundle must import them, never contain them.
const grafanaProvided = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-router',
  'react-router-dom',
  'rxjs',
  'rxjs/operators',
  'lodash',
  'moment',
  'i18next',
  '@emotion/css',
  '@emotion/react',
  '@grafana/data',
  '@grafana/ui',
  '@grafana/runtime',
  '@grafana/i18n',
  '@grafana/schema',
];

const today = new Date().toISOString().slice(0, 10);

function fillPluginJson(content) {
  return content.toString().replace('%VERSION%', pkg.version).replace('%TODAY%', today);
}

module.exports = (env, argv) => ({
  mode: argv.mode || 'production',
  context: path.join(__dirname, 'src'),
  entry: { module: './module.ts' },
  devtool: argv.mode === 'development' ? 'eval-source-map' : 'source-map',
  output: {
    path: path.join(__dirname, 'dist'),
    filename: '[name].js',
    library: { type: 'amd' },
    publicPath: 'public/plugins/hwc-cloudeye-datasource/',
  },
  externals: grafanaProvided,
  resolve: { extensions: ['.ts', '.tsx', '.js', '.jsx'] },
  module: {
    rules: [
      {
        test: /\.[tj]sx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              // ES2015 or later: classes compiled down to ES5 cannot extend Grafana's classes.
              target: 'es2020',
              parser: { syntax: 'typescript', tsx: true },
              transform: { react: { runtime: 'automatic' } },
            },
          },
        },
      },
    ],
  },
  plugins: [
    new CopyWebpackPlugin({
      patterns: [
        { from: 'plugin.json', to: '.', transform: fillPluginJson },
        { from: 'img', to: 'img' },
        { from: 'README.md', to: '.' },
        { from: '../LICENSE', to: '.', noErrorOnMissing: true },
        { from: '../CHANGELOG.md', to: '.', noErrorOnMissing: true },
      ],
    }),
  ],
  performance: { hints: false },
});
