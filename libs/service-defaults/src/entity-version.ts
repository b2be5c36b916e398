import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ProblemException } from './problem.exception';

/**
 * Optimistic concurrency over HTTP (RFC 9110 §13.1.1; docs/api.md "Rules every route keeps"): a
 * resource's version is its strong ETag (`"7"`), and a state change must send the version it was
 * decided on as `If-Match`. A stale one is 412; none at all is 428, so that no client can change a
 * contact, thread or visit without having read it.
 */
export function entityTag(version: number): string {
  return `"${version}"`;
}

/** The one version `If-Match` names; 428 when it is missing, 400 when it is not one strong ETag of ours. */
export function versionFromIfMatch(ifMatch: string | string[] | undefined): number {
  const header = Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch;
  if (header === undefined || header.trim() === '') {
    throw new ProblemException(
      428,
      'PRECONDITION_REQUIRED',
      'If-Match required',
      'Send the version you read (the ETag of GET on the resource, or its `version`) in If-Match, e.g. If-Match: "3".',
    );
  }
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    throw new ProblemException(
      400,
      'INVALID_IF_MATCH',
      'If-Match not understood',
      'If-Match must be one strong ETag as this API sends it, e.g. "3" (not *, a weak W/ tag or a list).',
    );
  }
  return Number(match[1]);
}

/** 412: the resource changed since the version the caller sent. */
export function staleVersion(sent: number, current: number): ProblemException {
  return new ProblemException(
    412,
    'STALE_VERSION',
    'Changed since you read it',
    `You sent version ${sent}; it is at version ${current} now. Read it again and decide on what it says now.`,
  );
}

/** The OpenAPI description of `If-Match` on a command (ApiIfMatch). */
const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: true,
  description: 'The version the decision was made on: the ETag of the GET on the resource (its `version`), e.g. "3".',
  schema: { type: 'string', pattern: '^"\\d{1,9}"$' },
};

/**
 * The OpenAPI of a change guarded by `If-Match` (a route or a controller): the header, 412 when the
 * version is stale, 428 when it is missing. Every such route answers both, so a partner coding from
 * the document meets no status it was not told of.
 */
export function ApiIfMatch(resource: string): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiHeader(IF_MATCH_HEADER),
    ApiResponse({ status: 412, description: `STALE_VERSION: the ${resource} changed since the version in If-Match.` }),
    ApiResponse({ status: 428, description: 'PRECONDITION_REQUIRED: If-Match is missing.' }),
  );
}

/** The OpenAPI of the `ETag` a resource's answer carries (entityTag): its version, to send back as If-Match. */
export function etagHeader(resource: string) {
  return {
    ETag: {
      description: `The ${resource}'s version, e.g. "3": send it as If-Match with a change to it.`,
      schema: { type: 'string', pattern: '^"\\d{1,9}"$' },
    },
  };
}

/** The OpenAPI of the `Location` a 201 carries: where the created resource is read. */
export function locationHeader(resource: string) {
  return { Location: { description: `Where the ${resource} is read (its path).`, schema: { type: 'string' } } };
}
