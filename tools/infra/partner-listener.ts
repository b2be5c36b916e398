/**
 * The broker's partner listener (README "The referral feed"): transporters' systems authenticate
 * with SASL/SCRAM-SHA-512, their credentials and ACLs issued by access-control with their API
 * client, and the StandardAuthorizer lets each read only its own partner topic and consumer groups.
 * The internal listeners (PLAINTEXT for the services, CONTROLLER) stay unauthenticated: their
 * principal, ANONYMOUS, is a super user, so the services need no credentials and no ACLs. That is
 * why the internal listener must never be reachable from outside CMS's network.
 *
 * One list for every way the broker runs: the local broker (local-kafka.ts), the container
 * (containers.ts), docker-compose.yml (tools/catalogue).
 */
export const PARTNER_LISTENER_NAME = 'PARTNER';

export const PARTNER_LISTENER_SETTINGS: Readonly<Record<string, string>> = {
  'listener.name.partner.sasl.enabled.mechanisms': 'SCRAM-SHA-512',
  'listener.name.partner.scram-sha-512.sasl.jaas.config': 'org.apache.kafka.common.security.scram.ScramLoginModule required;',
  'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  'super.users': 'User:ANONYMOUS',
  'allow.everyone.if.no.acl.found': 'false',
};

/**
 * The environment variable the apache/kafka image turns into `property`: `KAFKA_` then the name
 * upper-cased with `.` as `_`, `_` as `__` and `-` as `___` (the image's documented convention).
 */
export function kafkaImageVariable(property: string): string {
  return `KAFKA_${property.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase()}`;
}

/** PARTNER_LISTENER_SETTINGS as the apache/kafka image's environment. */
export function partnerListenerEnvironment(): Record<string, string> {
  return Object.fromEntries(Object.entries(PARTNER_LISTENER_SETTINGS).map(([name, value]) => [kafkaImageVariable(name), value]));
}
