import type { OrganisationType } from '@cms/gas-market';
import type { Organisation } from '../domain/organisation';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';

/** `GET /organisations`: the market directory every signed-in user may read. */
export class ListOrganisationsHandler {
  constructor(private readonly organisations: OrganisationRepository) {}

  execute(type?: OrganisationType): Promise<Organisation[]> {
    return this.organisations.list(type);
  }
}
