import type { Dimension } from '../../src/ces';

/**
 * The batch answer is written as JSON bytes directly: numbers go through `String`, which
 * formats a finite number exactly as `JSON.stringify` does, and no intermediate objects exist.
 * Each metric is its head (below), its datapoint bytes from the cached fragments, then `]}`.
 */

/** Bytes that open the answer. */
export const ANSWER_OPEN = Buffer.from('{"metrics":[');
/** Bytes that close the answer. */
export const ANSWER_CLOSE = Buffer.from(']}');
/** Bytes that close a metric's datapoints and the metric. */
export const METRIC_CLOSE = Buffer.from(']}');

/** The bytes of one metric up to its first datapoint, with a leading comma unless it is first. */
export function metricHead(
  first: boolean,
  namespace: string,
  metricName: string,
  dimensions: Dimension[],
  unit: string
): Buffer {
  let dims = '';
  for (let i = 0; i < dimensions.length; i++) {
    const d = dimensions[i];
    const name = JSON.stringify(d.name);
    dims += `${i > 0 ? ',' : ''}{"name":${name},"value":${JSON.stringify(d.value)}}`;
  }
  // Names and units come from requests and may hold any character: encoded as UTF-8.
  return Buffer.from(
    `${first ? '' : ','}{"namespace":${JSON.stringify(namespace)},` +
      `"metric_name":${JSON.stringify(metricName)},"dimensions":[${dims}],` +
      `"unit":${JSON.stringify(unit)},"datapoints":[`,
    'utf8'
  );
}

/**
 * The pieces of an answer, joined by one copy at the end. Every point's bytes start with a
 * comma; the first point of a metric drops it.
 */
export class AnswerParts {
  private readonly parts: Buffer[] = [];
  private length = 0;
  private firstPoint = false;

  /** Adds bytes as they are. */
  push(bytes: Buffer): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }

  /** Marks the start of a metric's datapoints. */
  startPoints(): void {
    this.firstPoint = true;
  }

  /** Adds the bytes of a run of points (possibly none). */
  pushPoints(bytes: Buffer): void {
    if (bytes.length === 0) {
      return;
    }
    this.push(this.firstPoint ? bytes.subarray(1) : bytes);
    this.firstPoint = false;
  }

  /** The whole answer. */
  join(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}
