/** Faults the service injects to exercise clients; all off by default. */
export interface FaultOptions {
  /** Probability (0..1) of answering 429. */
  p429: number;
  /** Probability of answering 500. */
  p500: number;
  /** Probability of answering 503. */
  p503: number;
  /** Delay added before every answer of the API, in ms. */
  latencyMs: number;
}

/** No faults. */
export const NO_FAULTS: FaultOptions = { p429: 0, p500: 0, p503: 0, latencyMs: 0 };

/** The fault to inject for one request: a status, or none. */
export function pickFault(faults: FaultOptions, random: () => number): 429 | 500 | 503 | undefined {
  if (faults.p429 + faults.p500 + faults.p503 === 0) {
    return undefined;
  }
  const roll = random();
  if (roll < faults.p429) {
    return 429;
  }
  if (roll < faults.p429 + faults.p500) {
    return 500;
  }
  return roll < faults.p429 + faults.p500 + faults.p503 ? 503 : undefined;
}

/** True when any fault is switched on. */
export function faultsOn(faults: FaultOptions): boolean {
  return faults.p429 > 0 || faults.p500 > 0 || faults.p503 > 0 || faults.latencyMs > 0;
}
