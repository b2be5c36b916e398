/**
 * Reading an OAuth 2 client-credentials token request (RFC 6749 §4.4.2) and the client's
 * authentication (§2.3.1): pure rules, whatever the body's encoding.
 */

/** RFC 6749 §5.2 error codes this endpoint uses. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';

export const CLIENT_CREDENTIALS_GRANT = 'client_credentials';

/** Bounds on each parameter: generous for any real value, small enough that nothing huge is processed. */
export const TOKEN_REQUEST_LIMITS = { grant_type: 64, client_id: 64, client_secret: 128, scope: 512 } as const;

export interface ClientCredentialsRequest {
  clientId: string;
  clientSecret: string;
  /** How the client authenticated (RFC 7591 §2 names). */
  authMethod: 'client_secret_basic' | 'client_secret_post';
  /** The raw `scope` parameter; undefined when omitted. */
  scope?: string;
}

export type TokenRequestOutcome = { request: ClientCredentialsRequest } | { error: OAuthErrorCode; description: string };

const refuse = (error: OAuthErrorCode, description: string): TokenRequestOutcome => ({ error, description });

/**
 * The parameters of the request, however the body was encoded (form or JSON), and the
 * `Authorization` header. Unknown parameters are ignored, as RFC 6749 §3.2 requires; a parameter
 * given twice, or a value that is not a string, is refused.
 */
export function readTokenRequest(params: Record<string, unknown>, authorization: string | undefined): TokenRequestOutcome {
  const values: Partial<Record<keyof typeof TOKEN_REQUEST_LIMITS, string>> = {};
  for (const [name, limit] of Object.entries(TOKEN_REQUEST_LIMITS) as [keyof typeof TOKEN_REQUEST_LIMITS, number][]) {
    const value = params[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') return refuse('invalid_request', `${name} must be given once, as a string.`);
    // Characters as the document's maxLength counts them: code points, not UTF-16 units.
    if ([...value].length > limit) return refuse('invalid_request', `${name} is longer than ${limit} characters.`);
    values[name] = value;
  }
  if (values.grant_type === undefined || values.grant_type === '') return refuse('invalid_request', 'grant_type is required.');
  if (values.grant_type !== CLIENT_CREDENTIALS_GRANT) {
    return refuse('unsupported_grant_type', `Only the ${CLIENT_CREDENTIALS_GRANT} grant is supported.`);
  }

  const basic = basicCredentials(authorization);
  const inBody = values.client_id !== undefined || values.client_secret !== undefined;
  if (basic && inBody) {
    return refuse('invalid_request', 'Authenticate the client one way only: HTTP Basic or client_id and client_secret in the body.');
  }
  if (basic === 'MALFORMED') return refuse('invalid_client', 'The Basic authorization header is malformed.');
  const scope = values.scope;
  if (basic) return { request: { ...basic, authMethod: 'client_secret_basic', ...(scope === undefined ? {} : { scope }) } };
  if (!values.client_id || !values.client_secret) {
    return refuse('invalid_client', 'Client authentication is required: HTTP Basic, or client_id and client_secret in the body.');
  }
  return {
    request: {
      clientId: values.client_id,
      clientSecret: values.client_secret,
      authMethod: 'client_secret_post',
      ...(scope === undefined ? {} : { scope }),
    },
  };
}

/**
 * `Authorization: Basic …` with the client id and secret each form-urlencoded first (RFC 6749
 * §2.3.1). Undefined when there is no Basic header.
 */
export function basicCredentials(
  authorization: string | undefined,
): { clientId: string; clientSecret: string } | 'MALFORMED' | undefined {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(authorization ?? '');
  if (!match) return /^Basic(\s|$)/i.test(authorization ?? '') ? 'MALFORMED' : undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return 'MALFORMED';
  try {
    const clientId = formDecode(decoded.slice(0, colon));
    const clientSecret = formDecode(decoded.slice(colon + 1));
    if (clientId.length > TOKEN_REQUEST_LIMITS.client_id || clientSecret.length > TOKEN_REQUEST_LIMITS.client_secret || !clientSecret) {
      return 'MALFORMED';
    }
    return { clientId, clientSecret };
  } catch {
    return 'MALFORMED';
  }
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}
