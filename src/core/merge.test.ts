import { assemble } from './assemble';
import { plan } from './plan';
import { DAY, echoAnswers, ecsQuery, HOUR, instances, T0 } from './testkit';
import type { BatchAnswer } from './types';

const range = { from: T0, to: T0 + HOUR };

/** Points whose value names the instance, so a misplaced series shows. */
function valueOfInstance(instance: string): number {
  return Number(instance.slice(4));
}

describe('Merge: answers are matched to descriptors by canonical key, never by position', () => {
  it('answers, metrics and dimensions in shuffled order land on the right series', () => {
    const query = ecsQuery({
      period: '300',
      dimensions: [
        { name: 'instance_id', values: instances(25) },
        { name: 'zone', values: ['z1'] },
      ],
    });
    const p = plan({ queries: [query], range });
    const answers = echoAnswers(p, (batch, i) => {
      const instance = batch.body.metrics[i].dimensions[0].value;
      return [{ timestamp: batch.body.from, average: valueOfInstance(instance) }];
    }).reverse();
    for (const answer of answers) {
      if ('body' in answer) {
        answer.body.metrics.reverse();
        answer.body.metrics.forEach((m) => m.dimensions.reverse());
      }
    }

    const [result] = assemble(p, answers);
    expect(result.series).toHaveLength(25);
    result.series.forEach((s, i) => {
      expect(s.labels.instance_id).toBe(instances(25)[i]);
      expect(s.values).toEqual([valueOfInstance(s.labels.instance_id)]);
    });
  });

  it('a metric missing from an answer gives an empty series and a warning', () => {
    const query = ecsQuery({
      period: '300',
      dimensions: [{ name: 'instance_id', values: instances(3) }],
    });
    const p = plan({ queries: [query], range });
    const answers = echoAnswers(p);
    if ('body' in answers[0]) {
      answers[0].body.metrics.splice(1, 1);
    }

    const [result] = assemble(p, answers);
    expect(result.series.map((s) => s.timestamps.length > 0)).toEqual([true, false, true]);
    expect(result.series[1].labels.instance_id).toBe('ecs-0002');
    expect(result.notices.find((n) => n.severity === 'warning')?.text).toMatch(/left out 1/);
    expect(result.error).toBeUndefined();
  });

  it('a batch not answered yet contributes nothing and is no error', () => {
    const query = ecsQuery({
      period: '300',
      dimensions: [{ name: 'instance_id', values: instances(12) }],
    });
    const p = plan({ queries: [query], range });
    const [result] = assemble(p, echoAnswers(p).slice(0, 1));
    expect(result.series).toHaveLength(10);
    expect(result.error).toBeUndefined();
  });
});

describe('Merge: windows are joined in time order without duplicate edge points', () => {
  it('two days at 300 s give 577 points once, ascending, though windows share the edge', () => {
    const query = ecsQuery({ period: '300' });
    const p = plan({ queries: [query], range: { from: T0, to: T0 + 2 * DAY } });
    const answers: BatchAnswer[] = echoAnswers(p).reverse();

    const [result] = assemble(p, answers);
    const times = result.series[0].timestamps;
    expect(times).toHaveLength(2 * 288 + 1);
    expect(times[0]).toBe(T0);
    expect(times[times.length - 1]).toBe(T0 + 2 * DAY);
    for (let i = 1; i < times.length; i++) {
      expect(times[i] - times[i - 1]).toBe(300 * 1000);
    }
  });

  it('gaps stay gaps: missing buckets are neither filled nor zeroed', () => {
    const query = ecsQuery({ period: '300' });
    const p = plan({ queries: [query], range });
    const step = 300 * 1000;
    const answers = echoAnswers(p, () => [
      { timestamp: T0, average: 1 },
      { timestamp: T0 + 4 * step, average: 5 },
      { timestamp: T0 + 5 * step },
      { timestamp: T0 + 6 * step, average: 7 },
    ]);
    const [result] = assemble(p, answers);
    expect(result.series[0].timestamps).toEqual([T0, T0 + 4 * step, T0 + 6 * step]);
    expect(result.series[0].values).toEqual([1, 5, 7]);
    expect(result.series[0].intervalMs).toBe(step);
  });
});
