/** A thin client for driving CMS through its gateway, as a partner system would. */
export const DEMO_PASSWORD = 'Demo-Password-2026';

export function gatewayUrl(): string {
  const url = process.env.E2E_GATEWAY_URL;
  if (!url) throw new Error('E2E_GATEWAY_URL is not set: run through the e2e Jest project');
  return url;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = any>(
  method: string,
  path: string,
  options: { token?: string; json?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.rawBody !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = options.rawBody;
  }
  const response = await fetch(`${gatewayUrl()}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/**
 * A request through the gateway that waits out a 429 (a shared allowance another file spent: the
 * per-address one of the public routes, or an organisation's) and tries again, up to four times.
 * The gateway answers 429 itself, before the request reaches a service, so a retry never counts
 * twice (a failed sign-in, a sent email).
 */
export async function apiWaitingOutRateLimits<T = any>(method: string, path: string, options: Parameters<typeof api>[2] = {}): Promise<ApiResponse<T>> {
  for (let attempt = 1; ; attempt++) {
    const response = await api<T>(method, path, options);
    if (response.status !== 429 || attempt === 4) return response;
    const seconds = Math.min(Number(response.headers.get('retry-after')) || 1, 15);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
  }
}

const tokens = new Map<string, string>();

/** Signs in a demo user once per test file and returns the access token. */
export async function signIn(userId: string): Promise<string> {
  const cached = tokens.get(userId);
  if (cached) return cached;
  let response = await api('POST', '/api/v1/auth/login', { json: { userId, password: DEMO_PASSWORD } });
  // Every e2e file signs in from 127.0.0.1 and shares one per-address allowance on the sign-in
  // routes: wait out a 429 rather than fail (the gateway refuses before the request counts).
  for (let attempt = 1; response.status === 429 && attempt <= 5; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
    response = await api('POST', '/api/v1/auth/login', { json: { userId, password: DEMO_PASSWORD } });
  }
  if (response.status !== 200) throw new Error(`sign-in of ${userId} failed: ${response.status} ${JSON.stringify(response.body)}`);
  tokens.set(userId, response.body.accessToken);
  return response.body.accessToken;
}

/** A calendar date `days` before today, YYYY-MM-DD. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export function dtl(mprn: string): Record<string, unknown> {
  return {
    type: 'DTL',
    mprn,
    originatorContact: { name: 'Amelia Hart', telephone: '0161 496 0000' },
    description: 'Customer reports gas in use; meter dials have advanced since the last read.',
    dtlEvidence: { meterRead: { value: '04521', readDate: daysAgo(2) }, meterSerialNumber: 'G4A-00123456' },
  };
}

export function isoToDead(mprn: string): Record<string, unknown> {
  return {
    type: 'ISO',
    mprn,
    requestedStatus: 'DE',
    originatorContact: { name: 'Amelia Hart', email: 'amelia.hart@brightwater-energy.example' },
    description: 'Service pipe removed during demolition of the property.',
    isolation: { workDate: daysAgo(10), workType: 'SERVICE_REMOVED' },
  };
}

export function isoToLive(mprn: string, workType: 'UNCAPPED' | 'UNCLAMPED' = 'UNCAPPED'): Record<string, unknown> {
  return { ...isoToDead(mprn), requestedStatus: 'LI', isolation: { workDate: daysAgo(3), workType } };
}

export function expectProblem(response: ApiResponse, status: number, code?: string): void {
  expect({ status: response.status, contentType: response.headers.get('content-type') }).toEqual({
    status,
    contentType: expect.stringContaining('application/problem+json'),
  });
  expect(response.body).toEqual(
    expect.objectContaining({
      status,
      type: expect.any(String),
      title: expect.any(String),
      code: code ?? expect.any(String),
      // Support finds the trace from a screenshot of the error.
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    }),
  );
  expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
}
