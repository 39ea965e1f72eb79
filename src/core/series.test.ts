import { assemble } from './assemble';
import { plan } from './plan';
import { echoAnswers, ecsQuery, HOUR, T0 } from './testkit';
import { grafanaUnit } from './units';

const range = { from: T0, to: T0 + HOUR };

describe('Series: the display name comes from the alias template', () => {
  it.each([
    ['no alias: metric name and dimension values', undefined, 'cpu_util ecs-0001 z1'],
    ['metric and dimension', '{{metric_name}} {{instance_id}}', 'cpu_util ecs-0001'],
    ['every built-in name', '{{namespace}}/{{period}}/{{filter}}', 'SYS.ECS/300/max'],
    ['spaces inside the braces', '{{ zone }}', 'z1'],
    ['an unknown name stays as written', '{{host}} {{zone}}', '{{host}} z1'],
  ])('%s', (_name, alias, expected) => {
    const query = ecsQuery({
      alias,
      period: '300',
      filter: 'max',
      dimensions: [
        { name: 'instance_id', values: ['ecs-0001'] },
        { name: 'zone', values: ['z1'] },
      ],
    });
    const p = plan({ queries: [query], range });
    expect(assemble(p, echoAnswers(p))[0].series[0].name).toBe(expected);
  });

  it('labels hold the dimensions', () => {
    const query = ecsQuery({ dimensions: [{ name: 'instance_id', values: ['ecs-0007'] }] });
    const p = plan({ queries: [query], range });
    expect(assemble(p, echoAnswers(p))[0].series[0].labels).toEqual({ instance_id: 'ecs-0007' });
  });
});

describe('Series: the CES unit is mapped to a Grafana unit id', () => {
  it.each([
    ['%', 'percent'],
    ['byte/s', 'Bps'],
    ['bit/s', 'bps'],
    ['count', 'short'],
    ['count/s', 'cps'],
    ['', 'none'],
    ['unknown', 'none'],
    ['furlong', 'none'],
  ])('%s -> %s', (ces, grafana) => {
    expect(grafanaUnit(ces)).toBe(grafana);
  });

  it('a series carries both the Grafana unit and the CES unit as answered', () => {
    const p = plan({ queries: [ecsQuery()], range });
    const [series] = assemble(p, echoAnswers(p, undefined, 'byte/s'))[0].series;
    expect([series.unit, series.cesUnit]).toEqual(['Bps', 'byte/s']);
  });
});

describe('Series: values come from the filter field, with average as the raw fallback', () => {
  it.each([
    ['the filter field when present', { timestamp: T0, max: 3, average: 1 }, [3]],
    ['average when the filter field is missing (raw answers)', { timestamp: T0, average: 1 }, [1]],
    ['nothing when neither is there', { timestamp: T0, min: 9 }, []],
  ])('%s', (_name, point, values) => {
    const p = plan({ queries: [ecsQuery({ filter: 'max', period: '1' })], range });
    const [series] = assemble(
      p,
      echoAnswers(p, () => [point])
    )[0].series;
    expect(series.values).toEqual(values);
  });

  it('the interval is the period, and the raw interval for raw data', () => {
    const options = { rawIntervalS: 30 };
    const raw = plan({ queries: [ecsQuery({ period: '1' })], range, options });
    const hourly = plan({ queries: [ecsQuery({ period: '3600' })], range, options });
    expect(assemble(raw, echoAnswers(raw))[0].series[0].intervalMs).toBe(30 * 1000);
    expect(assemble(hourly, echoAnswers(hourly))[0].series[0].intervalMs).toBe(3600 * 1000);
  });
});
