import type { OpenAPIObject } from '@nestjs/swagger';
import { documentOperationLinks, type OperationLink } from '../src/openapi/operation-links';

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/contacts': { post: { operationId: 'log', responses: { '201': { description: 'logged' } } } },
      '/api/v1/contacts/{crn}': {
        get: { operationId: 'read', parameters: [{ name: 'crn', in: 'path', required: true }], responses: { '200': { description: 'ok' } } },
      },
    },
  };
}

const link: OperationLink = {
  from: 'POST /api/v1/contacts',
  status: '201',
  to: 'GET /api/v1/contacts/{crn}',
  parameters: { 'path.crn': '$response.body#/crn' },
  description: 'The contact just logged.',
};

describe('documentOperationLinks', () => {
  it('puts each link on its answer, naming the target by its operationId', () => {
    const paths = documentOperationLinks(document(), [link]).paths as Record<string, Record<string, { responses: Record<string, { links?: unknown }> }>>;
    expect(paths['/api/v1/contacts'].post.responses['201'].links).toEqual({
      GetContactsCrn: { operationId: 'read', parameters: { 'path.crn': '$response.body#/crn' }, description: 'The contact just logged.' },
    });
  });

  it.each([
    ['a target the document does not hold', { ...link, to: 'GET /api/v1/contacts/{crn}/history' }, /is not an operation of the document/],
    ['a parameter the target does not take', { ...link, parameters: { 'query.crn': '$response.body#/crn' } }, /takes no query parameter crn/],
    ['an answer the source does not document', { ...link, status: '200' }, /documents no 200/],
  ])('refuses %s, at once', (_what, wrong, message) => {
    expect(() => documentOperationLinks(document(), [wrong])).toThrow(message);
  });
});
