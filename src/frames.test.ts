import { DataFrameType, FieldType } from '@grafana/data';

import type { QueryResult, Series } from './core/types';
import { toDataFrames } from './frames';

function series(key: string, overrides: Partial<Series> = {}): Series {
  return {
    refId: 'A',
    key,
    name: `cpu_util ${key}`,
    labels: { instance_id: key },
    unit: 'percent',
    cesUnit: '%',
    intervalMs: 300_000,
    timestamps: [0, 300_000, 900_000],
    values: [1.5, null, 3],
    ...overrides,
  };
}

function result(overrides: Partial<QueryResult> = {}): QueryResult {
  return {
    refId: 'A',
    series: [series('ecs-0001'), series('ecs-0002')],
    notices: [{ severity: 'warning', text: 'range cut to 10 windows' }],
    executedQueryString: 'period 300 (auto); 1 window; 1 batch',
    ...overrides,
  };
}

describe('toDataFrames', () => {
  it('builds one frame per series with a time field and a labelled number field', () => {
    const frames = toDataFrames([result()]);

    expect(frames).toHaveLength(2);
    const [time, value] = frames[1].fields;
    expect(time).toMatchObject({ type: FieldType.time, values: [0, 300_000, 900_000] });
    expect(value).toMatchObject({
      type: FieldType.number,
      labels: { instance_id: 'ecs-0002' },
      values: [1.5, null, 3],
    });
    expect(frames[1].length).toBe(3);
    expect(frames[1].refId).toBe('A');
  });

  it('keeps gaps as nulls and sets the interval so Grafana shows them as gaps', () => {
    const [frame] = toDataFrames([result()]);

    expect(frame.fields[0].config.interval).toBe(300_000);
    expect(frame.fields[1].values[1]).toBeNull();
  });

  it('names the series from the data source and carries its unit', () => {
    const [frame] = toDataFrames([result()]);

    expect(frame.fields[1].config).toMatchObject({
      displayNameFromDS: 'cpu_util ecs-0001',
      unit: 'percent',
    });
  });

  it('marks every frame as a multi-frame time series with the executed query text', () => {
    const frames = toDataFrames([result()]);

    for (const frame of frames) {
      expect(frame.meta?.type).toBe(DataFrameType.TimeSeriesMulti);
      expect(frame.meta?.executedQueryString).toBe('period 300 (auto); 1 window; 1 batch');
    }
  });

  it('puts each notice on the first frame of its query only', () => {
    const frames = toDataFrames([result()]);

    expect(frames[0].meta?.notices).toEqual([
      { severity: 'warning', text: 'range cut to 10 windows' },
    ]);
    expect(frames[1].meta?.notices).toBeUndefined();
  });

  it('gives a query without series one empty frame that still carries its notices', () => {
    const frames = toDataFrames([result({ refId: 'B', series: [] })]);

    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ refId: 'B', length: 0, fields: [] });
    expect(frames[0].meta?.notices).toHaveLength(1);
  });

  it('keeps the order of the queries and sets each frame refId', () => {
    const frames = toDataFrames([
      result({ refId: 'A', series: [series('a')] }),
      result({ refId: 'B', series: [series('b', { refId: 'B' })] }),
    ]);

    expect(frames.map((frame) => frame.refId)).toEqual(['A', 'B']);
  });
});
