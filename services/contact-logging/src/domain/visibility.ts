import type { OrganisationType } from '@cms/gas-market';

/**
 * CDSP agents see every contact; anyone else only those their organisation is involved in
 * (docs/domain.md, Transparency): the contact's `visible_to` list of organisations.
 */
export function seesEveryContact(organisationType: OrganisationType): boolean {
  return organisationType === 'CDSP';
}
