import type { Dimension } from '../../src/ces';

/**
 * The batch answer is written as JSON text directly: numbers go through `String`, which
 * formats a finite number exactly as `JSON.stringify` does, and no intermediate objects exist.
 */

/** The text of one metric of the answer, datapoints given as already joined point texts. */
export function metricJson(
  namespace: string,
  metricName: string,
  dimensions: Dimension[],
  unit: string,
  datapoints: string
): string {
  let dims = '';
  for (let i = 0; i < dimensions.length; i++) {
    const d = dimensions[i];
    dims += `${i > 0 ? ',' : ''}{"name":${JSON.stringify(d.name)},"value":${JSON.stringify(d.value)}}`;
  }
  return (
    `{"namespace":${JSON.stringify(namespace)},"metric_name":${JSON.stringify(metricName)},` +
    `"dimensions":[${dims}],"unit":${JSON.stringify(unit)},"datapoints":[${datapoints}]}`
  );
}
