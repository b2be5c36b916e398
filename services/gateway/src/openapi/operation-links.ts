import type { OpenAPIObject } from '@nestjs/swagger';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI objects are walked generically here
type Json = Record<string, any>;

/**
 * How one operation's answer feeds another's request (OpenAPI links, §4.8.20): a logged contact's
 * CRN to the contact, its ETag to a command's If-Match, a thread's or a visit's id to its reply or
 * finding, a created user's id to its change and deletion. A partner reads the API's flow from
 * them; schemathesis follows them in its stateful phase (e2e/fuzz). Declared here, where the
 * services' documents are merged, because many cross services (a contact of contact-logging to its
 * threads in clarifications). Each end is `METHOD /path`; a parameter is `path.x`, `query.x` or
 * `header.x`, its value a runtime expression of the answer.
 */
export interface OperationLink {
  from: string;
  status: string;
  to: string;
  parameters: Record<string, string>;
  description: string;
}

const CONTACT_CRN = '$response.body#/crn';
const FIRST_ITEM = (field: string) => `$response.body#/items/0/${field}`;
const ETAG = '$response.header.ETag';

export const OPERATION_LINKS: readonly OperationLink[] = [
  // A contact, logged or listed, then read and worked.
  { from: 'POST /api/v1/contacts', status: '201', to: 'GET /api/v1/contacts/{crn}', parameters: { 'path.crn': CONTACT_CRN }, description: 'The contact just logged.' },
  { from: 'GET /api/v1/contacts', status: '200', to: 'GET /api/v1/contacts/{crn}', parameters: { 'path.crn': FIRST_ITEM('crn') }, description: 'The first contact of the page.' },
  ...['assign', 'resolution', 'withdrawal'].map((command) => ({
    from: 'GET /api/v1/contacts/{crn}',
    status: '200',
    to: `POST /api/v1/contacts/{crn}/${command}`,
    parameters: { 'path.crn': CONTACT_CRN, 'header.If-Match': ETAG },
    description: `The ${command} of the contact, at the version read.`,
  })),
  ...['GET', 'POST'].flatMap((method) =>
    ['clarifications', 'site-visits'].map((what) => ({
      from: 'GET /api/v1/contacts/{crn}',
      status: '200',
      to: `${method} /api/v1/contacts/{crn}/${what}`,
      parameters: { 'path.crn': CONTACT_CRN },
      description: method === 'GET' ? `The contact's ${what}.` : `A new ${what === 'clarifications' ? 'thread' : 'site visit'} on the contact.`,
    })),
  ),
  { from: 'GET /api/v1/contacts/{crn}', status: '200', to: 'GET /api/v1/audit/contacts', parameters: { 'query.crn': CONTACT_CRN }, description: "The contact's audit records." },
  // A contact's threads and visits: raised on it, listed, read, then worked at the version read.
  ...versionedWorkOnAContact({ collection: 'clarifications', noun: 'thread', commands: { messages: 'A reply on the thread', closure: 'The closure of the thread' } }),
  ...versionedWorkOnAContact({ collection: 'site-visits', noun: 'visit', commands: { acceptance: 'The acceptance of the visit', finding: 'The finding of the visit' } }),
  { from: 'GET /api/v1/site-visits/{id}', status: '200', to: 'GET /api/v1/audit/site-visits', parameters: { 'query.siteVisitId': '$response.body#/id' }, description: "The visit's audit records." },
  // Users an LSO creates (only those: a listed user is read, never changed, through a link).
  ...['GET', 'PATCH', 'DELETE'].map((method) => ({
    from: 'POST /api/v1/users',
    status: '201',
    to: `${method} /api/v1/users/{userId}`,
    parameters: { 'path.userId': '$response.body#/user/userId' },
    description: { GET: 'The user just created.', PATCH: 'A change to the user just created.', DELETE: 'The deletion of the user just created.' }[method]!,
  })),
  { from: 'GET /api/v1/users', status: '200', to: 'GET /api/v1/users/{userId}', parameters: { 'path.userId': FIRST_ITEM('userId') }, description: 'The first user of the page.' },
  { from: 'POST /api/v1/api-clients', status: '201', to: 'DELETE /api/v1/api-clients/{clientId}', parameters: { 'path.clientId': '$response.body#/clientId' }, description: 'The revocation of the client just registered.' },
  // Webhooks.
  ...['DELETE /api/v1/webhooks/{id}', 'POST /api/v1/webhooks/{id}/secret-rotation', 'GET /api/v1/webhooks/{id}/deliveries'].flatMap((to) => [
    { from: 'POST /api/v1/webhooks', status: '201', to, parameters: { 'path.id': '$response.body#/id' }, description: 'The endpoint just registered.' },
    { from: 'GET /api/v1/webhooks', status: '200', to, parameters: { 'path.id': FIRST_ITEM('id') }, description: 'The first endpoint listed.' },
  ]),
  // Reference data and alerts.
  { from: 'GET /api/v1/notifications', status: '200', to: 'POST /api/v1/notifications/{id}/read', parameters: { 'path.id': FIRST_ITEM('id') }, description: 'The newest alert, marked read.' },
  { from: 'GET /api/v1/meter-points', status: '200', to: 'GET /api/v1/meter-points/{mprn}', parameters: { 'path.mprn': FIRST_ITEM('mprn') }, description: 'The first meter point at the postcode.' },
  { from: 'GET /api/v1/addresses', status: '200', to: 'GET /api/v1/addresses/{udprn}', parameters: { 'path.udprn': FIRST_ITEM('udprn') }, description: 'The first delivery point at the postcode.' },
];

/**
 * The links of a resource raised on a contact and changed at its version (a clarification thread,
 * a site visit): raised, listed or read, to the resource; raised or read, to each command, with
 * its id and ETag.
 */
function versionedWorkOnAContact({ collection, noun, commands }: { collection: string; noun: string; commands: Record<string, string> }): OperationLink[] {
  const raised = `POST /api/v1/contacts/{crn}/${collection}`;
  const read = `GET /api/v1/${collection}/{id}`;
  const sources = [
    { from: raised, status: '201', id: '$response.body#/id', what: `The ${noun} just raised` },
    { from: `GET /api/v1/${collection}`, status: '200', id: FIRST_ITEM('id'), what: `The first ${noun} of the page` },
    { from: `GET /api/v1/contacts/{crn}/${collection}`, status: '200', id: FIRST_ITEM('id'), what: `The contact's first ${noun}` },
  ];
  return [
    ...sources.map(({ from, status, id, what }) => ({ from, status, to: read, parameters: { 'path.id': id }, description: `${what}.` })),
    ...Object.entries(commands).flatMap(([command, what]) =>
      [raised, read].map((from) => ({
        from,
        status: from === raised ? '201' : '200',
        to: `POST /api/v1/${collection}/{id}/${command}`,
        parameters: { 'path.id': '$response.body#/id', 'header.If-Match': ETAG },
        description: `${what}, at the version read.`,
      })),
    ),
  ];
}

const LINK_NAME = (to: string) =>
  to
    .toLowerCase()
    .replace(/[{}]/g, '')
    .split(/[\s/-]+/)
    .filter((word) => word && word !== 'api' && word !== 'v1')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');

/**
 * Puts the links on the merged document, each by the `operationId` of its target. An end that is
 * not in the document, or a link to a parameter its target does not take, is a design error
 * reported at once (as a schema collision is): a link must never point at nothing.
 */
export function documentOperationLinks(document: OpenAPIObject, links: readonly OperationLink[] = OPERATION_LINKS): OpenAPIObject {
  const operation = (key: string): Json => {
    const [method, path] = key.split(' ');
    const found = (document.paths?.[path] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    if (!found) throw new Error(`OpenAPI link end ${key} is not an operation of the document`);
    return found;
  };
  for (const link of links) {
    const from = operation(link.from);
    const to = operation(link.to);
    if (!to.operationId) throw new Error(`OpenAPI link target ${link.to} has no operationId`);
    for (const parameter of Object.keys(link.parameters)) {
      const [location, name] = parameter.split('.');
      if (!(to.parameters ?? []).some((candidate: Json) => candidate.in === location && candidate.name === name)) {
        throw new Error(`OpenAPI link ${link.from} → ${link.to}: ${link.to} takes no ${location} parameter ${name}`);
      }
    }
    const response = (from.responses?.[link.status] ?? undefined) as Json | undefined;
    if (!response) throw new Error(`OpenAPI link ${link.from} → ${link.to}: ${link.from} documents no ${link.status}`);
    const named = (response.links ??= {}) as Json;
    named[LINK_NAME(link.to)] = { operationId: to.operationId, parameters: link.parameters, description: link.description };
  }
  return document;
}
