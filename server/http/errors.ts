import {
  BAD_BODY_PREFIX,
  ERROR_CODES,
  summarize,
  type CesErrorBody,
  type GatewayErrorBody,
  type Violation,
} from '../../src/ces';

/** Prefix of a 400 `ces.0013` detail, shaped like the body one. */
export const BAD_PARAMETER_PREFIX =
  'Some content in URL parameters is not correct, error message: ';

/** An answer that ends a request early: its status and the JSON body to send. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: CesErrorBody | GatewayErrorBody,
    readonly headers: Record<string, string> = {}
  ) {
    super(typeof (body as CesErrorBody).message === 'object' ? 'ces error' : 'gateway error');
  }
}

/** A CES error (`/V1.0` endpoints). */
export function cesError(status: number, code: string, details: string): HttpError {
  return new HttpError(status, {
    http_code: status,
    message: { details, code },
    encoded_authorization_message: null,
  });
}

/** An API gateway error (auth, unknown path, body too large). */
export function gatewayError(status: number, code: string, message: string, requestId: string) {
  return new HttpError(status, { error_code: code, error_msg: message, request_id: requestId });
}

/** The details of a 400: the prefix, the field paths in brackets, then what each broke. */
export function violationDetails(prefix: string, violations: Violation[]): string {
  const paths = [...new Set(violations.map((v) => v.path || 'body'))];
  const named = violations.map((v) => ({ path: v.path || 'body', message: v.message }));
  return `${prefix}[${paths.join(', ')}] ${summarize(named)}`;
}

/** 400 `ces.0014`: the body breaks rules, each named. */
export function badBody(violations: Violation[]): HttpError {
  return cesError(400, ERROR_CODES.badBody, violationDetails(BAD_BODY_PREFIX, violations));
}

/** 400 `ces.0013`: URL parameters break rules, each named. */
export function badParameters(violations: Violation[]): HttpError {
  return cesError(
    400,
    ERROR_CODES.badParameter,
    violationDetails(BAD_PARAMETER_PREFIX, violations)
  );
}
