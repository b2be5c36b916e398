import type { Logger } from 'pino';
import { scopesForTokenRequest } from '../domain/api-client-scopes';
import type { ClientCredentialsRequest } from '../domain/client-credentials-request';
import type { AccessTokenSigner } from '../infrastructure/access-token.signer';
import type { ApiClientRepository } from '../infrastructure/api-client.repository';
import { clientSecretMatches } from '../infrastructure/client-secret';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import { OAuthProblem } from './api-client.problems';

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
export class IssueClientTokenHandler {
  constructor(
    private readonly clients: ApiClientRepository,
    private readonly organisations: OrganisationRepository,
    private readonly signer: AccessTokenSigner,
    private readonly logger: Logger,
  ) {}

  async execute(request: ClientCredentialsRequest): Promise<ClientToken> {
    const found = UUID.test(request.clientId) ? await this.clients.findWithSecret(request.clientId.toLowerCase()) : undefined;
    // The secret is compared whatever was found, so an unknown client costs the same as a wrong secret.
    const secretMatches = clientSecretMatches(request.clientSecret, found?.secretHash ?? NO_HASH);
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
