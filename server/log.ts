import pino, { type DestinationStream, type Logger } from 'pino';

/** Fields of the one line logged per request; nothing else about a request is logged. */
export interface RequestLine {
  method: string;
  path: string;
  status: number;
  ms: number;
  credential: string | null;
  reqId: string;
}

/**
 * The service's logger: JSON lines with no pid or hostname. Request lines carry only
 * {@link RequestLine} fields, so no header, token, signature or body can reach the log.
 */
export function createLogger(destination?: DestinationStream, level = 'info'): Logger {
  return pino({ base: null, level }, destination ?? pino.destination({ sync: false }));
}
