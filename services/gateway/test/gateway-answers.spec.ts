import type { OpenAPIObject } from '@nestjs/swagger';
import { documentGatewayAnswers } from '../src/openapi/gateway-answers';

const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsResponse' } } };

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/contacts': {
        post: {
          parameters: [
            { name: 'authorization', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
          responses: {
            '201': { description: 'logged', content: { 'application/json': { schema: { type: 'object' } } } },
            '422': { description: 'rejected' },
          },
        },
      },
      '/api/v1/meter-points/{mprn}': {
        get: {
          responses: {
            '200': { description: 'ok' },
            '400': {
              description: 'bad',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Custom' } } },
            },
          },
        },
      },
      '/api/v1/auth/refresh': {
        post: {
          requestBody: { content: { 'application/json': { schema: {} } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: { schemas: {} },
  };
}

describe('documentGatewayAnswers', () => {
  const result = documentGatewayAnswers(document(), (path) => path.startsWith('/api/v1/auth/'));
  const paths = result.paths as Record<string, Record<string, any>>;

  it('documents every answer the gateway itself gives, as problem details', () => {
    const post = paths['/api/v1/contacts'].post;
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '401', '403', '413', '415', '422', '429', '503', '504']);
    for (const status of ['400', '401', '403', '413', '415', '422', '429', '503', '504'])
      expect(post.responses[status].content).toEqual(PROBLEM);
    expect(post.responses['429'].headers['Retry-After']).toBeDefined();
    expect(post.responses['201'].content).toEqual({ 'application/json': { schema: { type: 'object' } } });
  });

  it('adds 404 where the path takes an id, 413/415 only where there is a body, and no 401 or 403 on public routes', () => {
    const get = paths['/api/v1/meter-points/{mprn}'].get;
    expect(Object.keys(get.responses).sort()).toEqual(['200', '400', '401', '403', '404', '429', '503', '504']);
    expect(get.responses['403'].description).toMatch(/PASSWORD_CHANGE_REQUIRED/);
    expect(Object.keys(paths['/api/v1/auth/refresh'].post.responses).sort()).toEqual([
      '200',
      '400',
      '413',
      '415',
      '429',
      '503',
      '504',
    ]);
  });

  it('keeps a service’s own error media type and schema (OAuth 2 errors), and adds plain problem details, which the gateway answers too', () => {
    expect(paths['/api/v1/meter-points/{mprn}'].get.responses['400'].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Custom' } },
      ...PROBLEM,
    });
  });

  it('drops Authorization header parameters (the bearer scheme documents them) and defines the problem schema', () => {
    expect(paths['/api/v1/contacts'].post.parameters.map((parameter: { name: string }) => parameter.name)).toEqual([
      'Idempotency-Key',
    ]);
    expect(result.components!.schemas!.ProblemDetailsResponse).toEqual(
      expect.objectContaining({ required: ['type', 'title', 'status', 'code'] }),
    );
    expect(result.components!.schemas!.ProblemErrorResponse).toBeDefined();
  });
});
