import { IsUUID } from 'class-validator';
import { Topics } from '../topics';
import { Crn, Instant, Mprn, OneOf, OrganisationId, OrganisationIds } from './event-fields';

/**
 * Who is involved in a contact changed (docs/domain.md "Transparency": the originator's
 * organisation, the transporter once referred or addressed by a DC, and the CDSP). contact-logging
 * decides it; every service that serves contact data keeps its own copy from ContactLogged and this
 * event and answers 404 to anyone else. `organisationIds` is the whole set after the change.
 * Published on `cms.contacts.v1`, keyed by CRN.
 */
export class ContactParticipantsChangedV1 {
  static readonly type = 'uk.gas.cms.contact.participants-changed.v1';
  static readonly topic = Topics.contacts;

  @Crn()
  crn!: string;

  @Mprn()
  mprn!: string;

  @OneOf(['DTL', 'ISO'])
  contactType!: 'DTL' | 'ISO';

  @OrganisationId()
  originatorOrganisationId!: string;

  @OrganisationId()
  transporterOrganisationId!: string;

  /** The organisations that joined with this change. */
  @IsUUID('all', { each: true })
  added!: string[];

  @Instant()
  changedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
