import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import React, { useState } from 'react';

import type { DataSource } from '../datasource';
import type { CesVariableQuery } from '../types';
import { parseFilters, VariableQueryEditor } from './VariableQueryEditor';

/** The editor inside a holder that keeps the query, as Grafana's variable page does. */
function Holder(props: { initial: CesVariableQuery; seen: CesVariableQuery[] }) {
  const [query, setQuery] = useState(props.initial);
  return (
    <VariableQueryEditor
      datasource={{} as DataSource}
      query={query}
      onRunQuery={() => {}}
      onChange={(changed) => {
        setQuery(changed);
        props.seen.push(changed);
      }}
    />
  );
}

describe('VariableQueryEditor', () => {
  it('asks for nothing more when it lists namespaces', () => {
    render(<Holder initial={{ refId: 'V', kind: 'namespaces' }} seen={[]} />);

    expect(screen.queryByLabelText('Namespace')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Metric')).not.toBeInTheDocument();
  });

  it('asks for namespace, metric, dimension and other dimensions of dimension values', async () => {
    const seen: CesVariableQuery[] = [];
    render(<Holder initial={{ refId: 'V', kind: 'dimensionValues' }} seen={seen} />);

    await userEvent.type(screen.getByLabelText('Namespace'), 'SYS.ECS');
    await userEvent.type(screen.getByLabelText('Metric'), 'cpu_util');
    await userEvent.type(screen.getByLabelText('Dimension'), 'instance_id');
    await userEvent.type(screen.getByLabelText('Where'), 'az=$zone');
    await userEvent.tab();

    expect(seen[seen.length - 1]).toMatchObject({
      kind: 'dimensionValues',
      namespace: 'SYS.ECS',
      metricName: 'cpu_util',
      dimensionKey: 'instance_id',
      dimensions: [{ name: 'az', value: '$zone' }],
    });
  });

  it.each([
    [
      'a=1, b=2',
      [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
    ],
    ['a=', [{ name: 'a', value: '' }]],
    ['a', [{ name: 'a', value: '' }]],
    [' , ', []],
  ])('reads the other dimensions %p as name=value pairs', (text, expected) => {
    expect(parseFilters(text)).toEqual(expected);
  });
});
