import { hashString, normal, uniform } from './random';

/** How one series moves: a level, a daily swing, noise, rare spikes, and its bounds. */
export interface Shape {
  seed: number;
  level: number;
  swing: number;
  noise: number;
  spikeChance: number;
  spike: number;
  min: number;
  max: number;
  decimals: number;
}

const DAY_MS = 24 * 3600 * 1000;
/** Hour of the day (UTC) when activity peaks. */
const PEAK_HOUR = 14;

/** The shape of a series, drawn from the seed number and the series' name. */
export function shapeOf(seed: number, seriesName: string, unit: string): Shape {
  const own = hashString(`${seed}:${seriesName}`);
  const pick = (k: number, low: number, high: number) => low + (high - low) * uniform(own, -k);
  const base = {
    seed: own,
    spikeChance: 0.003,
    min: 0,
    max: Number.POSITIVE_INFINITY,
    decimals: 2,
  };
  switch (unit) {
    case '%': {
      const level = pick(1, 15, 55);
      return { ...base, level, swing: pick(2, 5, 20), noise: pick(3, 1, 4), spike: 35, max: 100 };
    }
    case 'byte/s':
    case 'bit/s': {
      const level = pick(1, 1e5, 5e7) * (unit === 'bit/s' ? 8 : 1);
      return { ...base, level, swing: level * 0.6, noise: level * 0.08, spike: level * 3 };
    }
    case 'count':
    case 'count/s': {
      const level = pick(1, 20, 2000);
      return {
        ...base,
        level,
        swing: level * 0.5,
        noise: level * 0.05,
        spike: level * 2,
        decimals: 0,
      };
    }
    default: {
      const level = pick(1, 0.2, 2);
      return { ...base, level, swing: level * 0.5, noise: 0.1, spike: 3 };
    }
  }
}

/** The value of a series at `timestampMs`: the same number every time it is asked for. */
export function valueAt(shape: Shape, timestampMs: number): number {
  const hour = ((timestampMs % DAY_MS) / DAY_MS) * 24;
  const daily = Math.cos(((hour - PEAK_HOUR) / 24) * 2 * Math.PI);
  const step = Math.floor(timestampMs / 1000);
  const spiking = uniform(shape.seed, step) < shape.spikeChance;
  const raw =
    shape.level +
    shape.swing * daily +
    shape.noise * normal(shape.seed ^ 0x5bd1e995, step) +
    (spiking ? shape.spike * (0.5 + uniform(shape.seed ^ 0x27d4eb2f, step)) : 0);
  const bounded = Math.min(shape.max, Math.max(shape.min, raw));
  const scale = 10 ** shape.decimals;
  return Math.round(bounded * scale) / scale;
}
