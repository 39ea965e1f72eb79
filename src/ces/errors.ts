/** Error codes of the CES API and its gateway, by the situation that produces each. */
export const ERROR_CODES = {
  badBody: 'ces.0014',
  badParameter: 'ces.0013',
  badProject: 'ces.0003',
  badMarker: 'ces.0006',
  noProjectAccess: 'ces.0017',
  systemNamespace: 'ces.0009',
  tooManyRequests: 'ces.0429',
  internal: 'ces.0007',
  unauthorized: 'APIGW.0301',
  notFound: 'APIGW.0101',
  bodyTooLarge: 'APIGW.0201',
} as const;

/** The fixed prefix CES puts before the field list of a 400 `ces.0014`. */
export const BAD_BODY_PREFIX = 'Some content in message body is not correct, error message: ';
