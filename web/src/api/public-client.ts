import createClient from 'openapi-fetch';
import type { ApiClient } from './client';
import type { paths } from './schema';

/**
 * The typed API client for the routes anyone may call, signed in or not (a forgotten password, a
 * reset link): it sends no access token, so that the API treats the request as anonymous.
 */
export function publicApiClient(): ApiClient {
  return createClient<paths>({ baseUrl: window.location.origin });
}
