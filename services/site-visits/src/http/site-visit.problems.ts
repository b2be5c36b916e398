import { refusalProblem } from '@cms/service-defaults';
import { SiteVisitRefused } from '../domain';

/** The domain's refusals as problem details, with their stable codes; anything else is not ours to explain. */
export function asProblem(error: unknown): never {
  if (error instanceof SiteVisitRefused) throw refusalProblem(error);
  throw error;
}

export const ETAG_HEADER = {
  ETag: { description: 'The visit’s version, e.g. "1": send it as If-Match with acceptance or finding.', schema: { type: 'string' } },
};
