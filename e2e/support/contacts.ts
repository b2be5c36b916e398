import { api, dtl, signIn, type ApiResponse } from './api';

/** How long a test waits for what reaches a service by event (Kafka) before it fails. */
const EVENTUALLY_MS = 30_000;
const POLL_MS = 200;

/** A DTL logged by `userId` on `mprn` through the gateway; its CRN. */
export async function loggedDtl(userId: string, mprn: string): Promise<string> {
  const response = await api('POST', '/api/v1/contacts', { token: await signIn(userId), json: dtl(mprn) });
  expect(response.status).toBe(201);
  return response.body.crn;
}

/**
 * Repeats `call` while it answers 404: clarifications, site-visits and notifications hear of a new
 * contact by event, a moment after it is logged, and until then it is unknown to them.
 */
export async function once404Passes(call: () => Promise<ApiResponse>): Promise<ApiResponse> {
  const deadline = Date.now() + EVENTUALLY_MS;
  for (;;) {
    const response = await call();
    if (response.status !== 404 || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** GET the contact as `userId` until it answers 200 and `done` holds (what other services do reaches it by event), or 30 s. */
export async function contactUntil(userId: string, crn: string, done: (contact: any) => boolean): Promise<any> {
  const token = await signIn(userId);
  const deadline = Date.now() + EVENTUALLY_MS;
  for (;;) {
    const { status, body } = await api('GET', `/api/v1/contacts/${crn}`, { token });
    if (status === 200 && done(body)) return body;
    if (Date.now() > deadline) throw new Error(`contact ${crn} never got there for ${userId}: ${status} ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
