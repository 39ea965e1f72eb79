import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React, { useState } from 'react';

import { cpuQuery, instanceSettings, lastHours, templateSrvWith } from '../__mocks__/fixtures';
import { DataSource } from '../datasource';
import { CesQuery, DEFAULT_QUERY } from '../types';
import { QueryEditor } from './QueryEditor';

function datasource() {
  const ds = new DataSource(instanceSettings(), templateSrvWith({ host: ['ecs-0001'] }));
  jest.spyOn(ds.resources, 'namespaces').mockResolvedValue(['SYS.ECS', 'SYS.RDS']);
  jest
    .spyOn(ds.resources, 'metrics')
    .mockImplementation(async (namespace) =>
      namespace === 'SYS.ECS' ? ['cpu_util', 'mem_util'] : ['rds001_cpu_util']
    );
  jest.spyOn(ds.resources, 'dimensionKeys').mockResolvedValue(['instance_id']);
  jest.spyOn(ds.resources, 'dimensionValues').mockResolvedValue(['ecs-0001', 'ecs-0002']);
  return ds;
}

/** The editor inside a panel that keeps the query, as Grafana's query row does. */
function Panel(props: {
  ds: DataSource;
  initial: CesQuery;
  onQuery?: (q: CesQuery) => void;
  hours?: number;
}) {
  const [query, setQuery] = useState(props.initial);
  return (
    <QueryEditor
      datasource={props.ds}
      query={query}
      range={lastHours(props.hours ?? 1)}
      onRunQuery={() => {}}
      onChange={(changed) => {
        setQuery(changed);
        props.onQuery?.(changed);
      }}
    />
  );
}

// Lets the catalog reads started by a render finish before the test looks at the result.
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

async function choose(selectLabel: string, optionText: string) {
  await userEvent.click(screen.getByLabelText(selectLabel));
  await userEvent.click(await screen.findByText(optionText));
}

describe('QueryEditor', () => {
  it('loads the metrics of the namespace the user chooses', async () => {
    const ds = datasource();
    render(<Panel ds={ds} initial={{ refId: 'A', ...DEFAULT_QUERY }} />);

    await choose('Namespace', 'SYS.RDS');

    await waitFor(() => expect(ds.resources.metrics).toHaveBeenCalledWith('SYS.RDS'));
    await userEvent.click(screen.getByLabelText('Metric'));
    expect(await screen.findByText('rds001_cpu_util')).toBeInTheDocument();
    expect(screen.queryByText('cpu_util')).not.toBeInTheDocument();
  });

  it('adds and removes dimension rows', async () => {
    const ds = datasource();
    const seen: CesQuery[] = [];
    const initial = cpuQuery('A', ['ecs-0001']);
    render(<Panel ds={ds} initial={initial} onQuery={(q) => seen.push(q)} />);
    await settle();

    await userEvent.click(screen.getByRole('button', { name: /Add dimension/ }));
    expect(screen.getByLabelText('Dimension 2 name')).toBeInTheDocument();
    expect(seen[seen.length - 1].dimensions).toEqual([
      { name: 'instance_id', value: 'ecs-0001' },
      { name: '', value: '' },
    ]);

    await userEvent.click(screen.getByLabelText('Remove dimension 1'));
    await settle();
    expect(screen.queryByLabelText('Dimension 2 name')).not.toBeInTheDocument();
    expect(seen[seen.length - 1].dimensions).toEqual([{ name: '', value: '' }]);
  });

  it('offers * and the dashboard variables as dimension values', async () => {
    const ds = datasource();
    render(<Panel ds={ds} initial={cpuQuery('A', ['ecs-0001'])} />);

    await userEvent.click(screen.getByLabelText('Dimension 1 value'));

    expect(await screen.findByText('*')).toBeInTheDocument();
    expect(screen.getByText('$host')).toBeInTheDocument();
    expect(await screen.findByText('ecs-0002')).toBeInTheDocument();
  });

  it('lets the period and the filter be a dashboard variable', async () => {
    const ds = datasource();
    const seen: CesQuery[] = [];
    render(<Panel ds={ds} initial={cpuQuery('A', ['ecs-0001'])} onQuery={(q) => seen.push(q)} />);
    await settle();

    await choose('Period', '$host');
    expect(seen[seen.length - 1].period).toBe('$host');
    await userEvent.click(screen.getByLabelText('Filter'));
    const menu = await screen.findByLabelText('Select options menu');
    await userEvent.click(within(menu).getByText('$host'));
    expect(seen[seen.length - 1].filter).toBe('$host');
  });

  it('says what the query costs, following the time range and the period', async () => {
    const ds = datasource();
    const query = cpuQuery('A', ['ecs-0001', 'ecs-0002', 'ecs-0003']);
    const props = { datasource: ds, onChange: () => {}, onRunQuery: () => {} };
    const { rerender } = render(<QueryEditor {...props} query={query} range={lastHours(1)} />);
    await settle();

    const cost = () => screen.getByTestId('query-cost').textContent;
    expect(cost()).toContain('3 series, 1 API call, 36 datapoints at period 300 s');

    rerender(<QueryEditor {...props} query={query} range={lastHours(48)} />);
    expect(cost()).toContain('3 series, 2 API calls, 1,728 datapoints at period 300 s');

    rerender(<QueryEditor {...props} query={{ ...query, period: '3600' }} range={lastHours(48)} />);
    expect(cost()).toContain('3 series, 1 API call, 144 datapoints at period 3600 s');
  });

  it('counts * against the catalog of the metric', async () => {
    const ds = datasource();
    const entries = ['ecs-0001', 'ecs-0002'].map((value) => ({
      namespace: 'SYS.ECS',
      metric_name: 'cpu_util',
      dimensions: [{ name: 'instance_id', value }],
      unit: '%',
    }));
    const { of } = jest.requireActual('rxjs');
    jest.spyOn(ds.resources, 'catalog').mockReturnValue(of(entries));
    render(
      <QueryEditor
        datasource={ds}
        query={cpuQuery('A', ['*'])}
        range={lastHours(1)}
        onChange={() => {}}
        onRunQuery={() => {}}
      />
    );

    const line = screen.getByTestId('query-cost');
    await waitFor(() => expect(within(line).getByText(/2 series/)).toBeInTheDocument());
    expect(ds.resources.catalog).toHaveBeenCalledWith('SYS.ECS', 'cpu_util');
  });
});
