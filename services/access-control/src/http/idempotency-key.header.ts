import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_SCHEMA } from '@cms/service-defaults';

/**
 * Which access-control writes take an Idempotency-Key (docs/api.md: "Writes accept an
 * Idempotency-Key header: a retried request returns the first result"), through the one shared
 * mechanism, `IdempotentRequests` of @cms/service-defaults (its answers are stored in this
 * service's `idempotent_request` table and replayed from there):
 *
 * - PATCH /api/v1/users/{userId}, DELETE /api/v1/api-clients/{clientId} and
 *   POST /api/v1/signing-keys/rotation: their answers hold no secret, so storing and replaying
 *   them is safe.
 * - NOT POST /api/v1/users, POST /api/v1/organisations, POST /api/v1/api-clients: they answer a
 *   one-time temporary password or client secret. Replaying the first answer would mean storing
 *   that secret in the idempotency table, and a secret must never be stored (only its hash is).
 *   The header is ignored there; a retry runs again and is refused as USER_ID_TAKEN or
 *   SHORT_CODE_TAKEN (409), or registers another client.
 * - NOT the sign-in family (/auth/login, /auth/refresh, /auth/logout, /auth/token, /auth/password,
 *   /auth/password-reset/complete, /users/{userId}/password-reset): a replayed answer would hand
 *   out tokens or secrets again (or skip a password check), so the header is ignored there too.
 */
export const IdempotencyKeyHeader = (what: string) =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        `Makes a retry safe: 1–255 printable ASCII characters, new for each new ${what}. A retry with the same key and ` +
        'body within 24 h gets the first answer again (or its 422 rejection) with `Idempotent-Replayed: true`, and ' +
        'changes nothing more. The same key with another body is refused (422 IDEMPOTENCY_KEY_REUSED); while the ' +
        'first request still runs, a retry gets 409 IDEMPOTENCY_KEY_IN_PROGRESS; a malformed key gets 400 ' +
        'INVALID_IDEMPOTENCY_KEY. Refusals other than 422 are not kept: a retry runs again.',
      schema: IDEMPOTENCY_KEY_SCHEMA,
    }),
  );
