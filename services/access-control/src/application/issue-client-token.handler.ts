import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '@cms/service-defaults';
import { scopesForTokenRequest } from '../domain/api-client-scopes';
import type { ClientCredentialsRequest } from '../domain/client-credentials-request';
import { OAuthProblem } from './api-client.problems';
import { API_CLIENTS, type ApiClients } from './api-clients.port';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { SECRETS, type Secrets } from './secrets.port';
import { ACCESS_TOKEN_SIGNING, type AccessTokenSigning } from './token-signing.port';

/** The token response of RFC 6749 §5.1, member names as the RFC spells them. */
export interface ClientToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_HASH = Buffer.alloc(32);

/**
 * `POST /auth/token`, client-credentials grant (RFC 6749 §4.4): an authenticated, unrevoked client
 * gets an access token for its organisation with the scopes asked for (all of its own if none).
 */
@Injectable()
export class IssueClientTokenHandler {
  constructor(
    @Inject(API_CLIENTS) private readonly clients: ApiClients,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(ACCESS_TOKEN_SIGNING) private readonly signer: AccessTokenSigning,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(request: ClientCredentialsRequest): Promise<ClientToken> {
    const found = UUID.test(request.clientId) ? await this.clients.findWithSecret(request.clientId.toLowerCase()) : undefined;
    // The secret is compared whatever was found, so an unknown client costs the same as a wrong secret.
    const secretMatches = this.secrets.clientSecretMatches(request.clientSecret, found?.secretHash ?? NO_HASH);
    if (!found || !secretMatches || found.client.revokedAt !== null) {
      this.logger.info(
        { event: 'client-token.refused', reason: !found ? 'UNKNOWN_CLIENT' : !secretMatches ? 'WRONG_SECRET' : 'REVOKED', ...(found ? { clientId: found.client.clientId } : {}) },
        'client authentication failed',
      );
      throw new OAuthProblem('invalid_client', 'The client is unknown or revoked, or the secret is not correct.');
    }
    const { client } = found;
    const outcome = scopesForTokenRequest(request.scope, client.scopes);
    if ('refused' in outcome) {
      throw new OAuthProblem(
        'invalid_scope',
        outcome.refused === 'MALFORMED'
          ? 'scope must be scope names separated by single spaces.'
          : `Not granted to this client: ${outcome.scopes.join(' ')}.`,
      );
    }
    const organisation = await this.organisations.get(client.organisationId);
    if (!organisation) throw new OAuthProblem('invalid_client', 'The client is unknown or revoked, or the secret is not correct.');
    const access = await this.signer.signForClient({
      clientId: client.clientId,
      organisationId: organisation.id,
      organisationType: organisation.type,
      scopes: outcome.granted,
    });
    this.logger.info(
      { event: 'client-token.issued', clientId: client.clientId, organisationId: organisation.id, scope: outcome.granted, authMethod: request.authMethod },
      'client token issued',
    );
    return { access_token: access.token, token_type: 'Bearer', expires_in: access.expiresIn, scope: outcome.granted.join(' ') };
  }
}
