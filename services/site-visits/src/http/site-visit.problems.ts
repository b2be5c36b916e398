import { refusalProblem } from '@cms/service-defaults';
import { SiteVisitRefused } from '../domain';

/** The domain's refusals as problem details, with their stable codes; anything else is not ours to explain. */
export function asProblem(error: unknown): never {
  if (error instanceof SiteVisitRefused) throw refusalProblem(error);
  throw error;
}

export const IF_MATCH = {
  name: 'If-Match',
  required: true,
  description: 'The version the decision was made on: the ETag of GET /site-visits/{id} (its `version`), e.g. "1".',
  schema: { type: 'string', pattern: '^"\\d{1,9}"$' },
};

export const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Makes a retry safe: a retry with the same key and body gets the first answer again.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
};

export const ETAG_HEADER = {
  ETag: { description: 'The visit’s version, e.g. "1": send it as If-Match with acceptance or finding.', schema: { type: 'string' } },
};
