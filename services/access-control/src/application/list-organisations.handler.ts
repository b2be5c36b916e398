import { Inject, Injectable } from '@nestjs/common';
import type { OrganisationType } from '@cms/gas-market';
import type { Organisation } from '../domain/organisation';
import { ORGANISATIONS, type Organisations } from './organisations.port';

/** `GET /organisations`: the market directory every signed-in user may read. */
@Injectable()
export class ListOrganisationsHandler {
  constructor(@Inject(ORGANISATIONS) private readonly organisations: Organisations) {}

  execute(type?: OrganisationType): Promise<Organisation[]> {
    return this.organisations.list(type);
  }
}
