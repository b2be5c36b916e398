import createClient, { type Middleware } from 'openapi-fetch';
import type { Session } from '../session/session';
import { ApiProblem } from './problem';
import type { paths } from './schema';

export type ApiClient = ReturnType<typeof createClient<paths>>;

/**
 * The typed client of the gateway's API (`paths` is generated from its OpenAPI document, so a
 * renamed field fails the typecheck). Every request carries the session's access token; an answer
 * 401 means the API no longer takes the session, which then ends.
 */
export function createApiClient(session: Session): ApiClient {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  const authentication: Middleware = {
    async onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${await session.accessToken()}`);
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) session.end('Your session has ended. Sign in again.');
      return response;
    },
  };
  client.use(authentication);
  return client;
}

/** What openapi-fetch answers: the data of a success, or the error body with the response. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer; otherwise the problem it describes, thrown (for TanStack Query to hold). */
export async function dataOf<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (error) {
    throw error instanceof ApiProblem ? error : ApiProblem.unreachable();
  }
  if (!answer.response.ok) throw ApiProblem.from(answer.error, answer.response.status);
  return answer.data as T;
}
