/** Entry point Grafana loads: the data source class and its editors. */

import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { DataSource } from './datasource';
import type { CesDataSourceOptions, CesQuery, CesSecureJsonData } from './types';

/** The Huawei Cloud Eye data source plugin. */
export const plugin = new DataSourcePlugin<
  DataSource,
  CesQuery,
  CesDataSourceOptions,
  CesSecureJsonData
>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
