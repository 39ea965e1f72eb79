import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { validateBatchQuery, type BatchQueryRequest, type BatchQueryResponse } from '../ces';
import { toBatchAnswer, toOutcome } from './answers';
import { assemble } from './assemble';
import { joinParts } from './join';
import { resolveOptions } from './options';
import { plan } from './plan';
import { shape } from './shape';
import type { BatchAnswer, PlanInput, QueryResult } from './types';

/** One shared vector: browser and Go backend must both turn input and answers into expected. */
interface Vector {
  name: string;
  input: PlanInput;
  answers: Record<string, { status: number; body: unknown }>;
  expected: { plan: { batchCount: number; bodies: BatchQueryRequest[] }; results: QueryResult[] };
}

const folder = join(__dirname, '..', '..', 'testdata', 'parity');
const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
const vectors: Array<[string, Vector]> = files.map((f) => [
  f,
  JSON.parse(readFileSync(join(folder, f), 'utf8')) as Vector,
]);

function answersOf(vector: Vector): BatchAnswer[] {
  return Object.entries(vector.answers).map(([id, a]) =>
    toBatchAnswer(Number(id), a.status, a.body)
  );
}

describe('Parity vectors: each case gives exactly the expected requests and series', () => {
  it('there are vectors to run', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(vectors)('%s', (_file, vector) => {
    it('plans the expected request bodies', () => {
      const made = plan(vector.input);
      expect(made.batches).toHaveLength(vector.expected.plan.batchCount);
      expect(made.batches.map((b) => b.body)).toEqual(vector.expected.plan.bodies);
    });

    it('every planned body is one the service accepts', () => {
      const maxMetrics = resolveOptions(vector.input.options).maxMetrics;
      for (const body of vector.expected.plan.bodies) {
        expect(validateBatchQuery(body, { maxMetrics })).toMatchObject({ ok: true });
      }
    });

    it('assembles the expected results', () => {
      const results = assemble(plan(vector.input), answersOf(vector));
      expect(results).toStrictEqual(JSON.parse(JSON.stringify(results)));
      expect(results).toEqual(vector.expected.results);
    });

    it('shape over answer heads plus joinParts gives the same results (the Go path)', () => {
      const made = plan(vector.input);
      const answers = answersOf(vector);
      const bodies: BatchQueryResponse[] = [];
      for (const a of answers) {
        if ('body' in a) {
          bodies[a.batchId] = a.body;
        }
      }
      const shaped = shape(made, JSON.parse(JSON.stringify(answers.map(toOutcome))));
      const joined = shaped.queries.map((q) =>
        q.series.map((s) => ({ key: s.key, ...joinParts(s, bodies) }))
      );
      const expected = vector.expected.results.map((r) =>
        r.series.map((s) => ({ key: s.key, timestamps: s.timestamps, values: s.values }))
      );
      expect(joined).toEqual(expected);
    });
  });
});
