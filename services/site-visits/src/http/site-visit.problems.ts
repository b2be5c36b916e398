import { etagHeader, refusalProblem } from '@cms/service-defaults';
import { SiteVisitRefused } from '../domain';

/** The domain's refusals as problem details, with their stable codes; anything else is not ours to explain. */
export function asProblem(error: unknown): never {
  if (error instanceof SiteVisitRefused) throw refusalProblem(error);
  throw error;
}

/** The site visit's answers' ETag (its version), documented. */
export const ETAG_HEADER = etagHeader('site visit');
