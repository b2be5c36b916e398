/**
 * `npm start`: the whole product with demo data on this machine. Ctrl-C stops everything.
 */
import { join } from 'node:path';
import { repositoryRoot } from '@cms/config';
import { demoUsers } from './demo-data/users';
import { demoShowcase } from './demo-data/meter-points';
import { InfraError } from './infra/types';
import { startStack, type Stack } from './stack';

// Run from its build (dist/tools/start.js, tools/cms.sh), this module is a folder deeper than its source.
const ROOT = repositoryRoot(__dirname);

async function main(): Promise<void> {
  const started = Date.now();
  const log = (line: string) => console.log(`cms: ${line}`);
  let stack: Stack;
  try {
    // CMS_REPLICAS=2: two of every process (README "No maintenance window").
    const replicas = Number(process.env.CMS_REPLICAS ?? '1');
    stack = await startStack({ dataDir: join(ROOT, '.data'), ports: 'default', zipkin: true, replicas, runtime: 'compiled', log });
  } catch (error) {
    console.error(`\ncms: could not start.\n${error instanceof InfraError ? error.message : error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\ncms: ${reason}; stopping…`);
    await stack.stop();
    console.log('cms: stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('interrupted'));
  process.on('SIGTERM', () => void shutdown('terminated'));
  for (const service of stack.services) {
    service.child.once('exit', (code, signal) => {
      if (!stopping) void shutdown(`${service.name} exited unexpectedly (${signal ?? code}); see ${service.logFile}`);
    });
  }

  const users = demoUsers();
  const width = Math.max(...users.map((user) => user.userId.length));
  console.log(`
CMS is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).

  Web UI:        ${stack.gatewayUrls.map((url) => `${url}/`).join('  ')}
  API gateway:   ${stack.gatewayUrl}/api/v1
  API docs:      ${stack.gatewayUrl}/api/docs
  Kafka:         ${stack.kafka.brokers.join(',')}
  Partner feed:  ${stack.kafka.partnerBrokers.join(',') || '(none: set KAFKA_PARTNER_BROKERS)'}  (SASL/SCRAM-SHA-512, README "The referral feed")
  Traces:        ${stack.zipkin ? `${stack.zipkin.url}/zipkin/  (Zipkin; an error's traceId: ${stack.zipkin.url}/zipkin/traces/<traceId>)` : '(off: OTEL_SDK_DISABLED=true)'}
  Logs:          ${join(ROOT, '.data', 'logs')}

Demo logins (password for all: ${users[0].password}):
${users.map((user) => `  ${user.userId.padEnd(width)}  ${user.organisationShortCode}  ${user.roles.join(', ')}`).join('\n')}

Showcase meter points:
${demoShowcase().map((point) => `  ${point.mprn.padEnd(10)}  ${point.label}`).join('\n')}

Press Ctrl-C to stop.`);
}

void main();
