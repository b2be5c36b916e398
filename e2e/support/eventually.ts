import { api, signIn, type ApiResponse } from './api';

/**
 * GET `path` through the gateway as a demo user until `done` holds of the answer (30 s at most):
 * what one service did reaches another by event, a moment later (a contact reaching clarifications
 * and site-visits, a referral making the transporter one of the contact's organisations).
 */
export async function readWhen(
  userId: string,
  path: string,
  done: (response: ApiResponse) => boolean = (response) => response.status === 200,
): Promise<ApiResponse> {
  const token = await signIn(userId);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await api('GET', path, { token });
    if (done(response)) return response;
    if (Date.now() > deadline) throw new Error(`GET ${path} as ${userId} never got there: ${response.status} ${JSON.stringify(response.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
