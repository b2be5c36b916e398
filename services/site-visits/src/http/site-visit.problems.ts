import { ProblemException, staleVersion } from '@cms/service-defaults';
import { ContactNotFound, SiteVisitNotFound, StaleSiteVisitVersion } from '../application/site-visit-commands.handler';
import { SiteVisitRefused } from '../domain';

/** The use case's and the domain's refusals as problem details; anything else is not ours to explain. */
export function asProblem(error: unknown): never {
  if (error instanceof ContactNotFound) throw ProblemException.notFound('No such contact.');
  if (error instanceof SiteVisitNotFound) throw ProblemException.notFound('No such site visit.');
  if (error instanceof StaleSiteVisitVersion) throw staleVersion(error.expected, error.current);
  if (error instanceof SiteVisitRefused) {
    switch (error.kind) {
      case 'FORBIDDEN':
        throw new ProblemException(403, error.code, 'Forbidden', error.message);
      case 'CONFLICT':
        throw ProblemException.conflict(error.code, error.message);
      case 'INVALID':
        throw new ProblemException(422, error.code, 'Not acceptable', error.message, [
          { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
        ]);
    }
  }
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
