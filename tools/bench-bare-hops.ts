/**
 * A second floor for the bench: the path a logged contact takes through processes, with nothing in
 * them. Three bare node:http processes stand where the gateway, contact-logging and the meter point
 * register stand: the "gateway" forwards the request, the "service" asks the "register" once and
 * answers 201. No framework, no token, no database, no Kafka: what the hops alone cost on this
 * machine, and so the least any design with this shape can take.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

// Each process is a few lines of plain Node, run with `node -e`.
const COMMON = `
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
const readBody = (request) => new Promise((resolve) => { const chunks = []; request.on('data', (c) => chunks.push(c)); request.on('end', () => resolve(Buffer.concat(chunks))); });
const call = (url, options, body) => new Promise((resolve, reject) => {
  const outgoing = http.request(url, { ...options, agent }, (answer) => readBody(answer).then((data) => resolve({ status: answer.statusCode, headers: answer.headers, data })));
  outgoing.on('error', reject);
  outgoing.end(body);
});
const listen = (server) => server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

const REGISTER = `${COMMON}
const point = JSON.stringify({ mprn: '3938424403', status: { code: 'DE' }, transporter: { organisationId: 'x' }, registeredShipper: null });
listen(http.createServer((request, response) => { request.resume(); response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(point) }).end(point); }));
`;

const SERVICE = `${COMMON}
const register = process.argv[1];
listen(http.createServer(async (request, response) => {
  const submission = JSON.parse((await readBody(request)).toString('utf8'));
  const meterPoint = JSON.parse((await call(register + '/api/v1/meter-points/' + submission.mprn, { headers: { authorization: request.headers.authorization } })).data.toString('utf8'));
  const answer = JSON.stringify({ crn: 'C000000001', status: 'LOGGED', loggedAt: new Date().toISOString(), point: meterPoint.status.code });
  response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
}));
`;

const GATEWAY = `${COMMON}
const service = process.argv[1];
listen(http.createServer(async (request, response) => {
  const body = await readBody(request);
  const answer = await call(service + request.url, { method: request.method, headers: { ...request.headers, 'content-length': body.length } }, body);
  response.writeHead(answer.status, answer.headers).end(answer.data);
}));
`;

export interface BareHops {
  url: string;
  pids: Record<string, number>;
  stop(): void;
}

async function start(script: string, argument: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-e', script, argument], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { child, url: `http://127.0.0.1:${line.toString().trim()}` };
}

export async function startBareHops(): Promise<BareHops> {
  const register = await start(REGISTER, '');
  const service = await start(SERVICE, register.url);
  const gateway = await start(GATEWAY, service.url);
  const children = { 'bare gateway': gateway.child, 'bare service': service.child, 'bare register': register.child };
  return {
    url: gateway.url,
    pids: Object.fromEntries(Object.entries(children).map(([name, child]) => [name, child.pid!])),
    stop: () => Object.values(children).forEach((child) => child.kill()),
  };
}
