import { PartnerTopics } from '../topics';
import { Instant, Mprn, REASON_MAX_LENGTH, Text } from './event-fields';
import { PartnerEventV1 } from './partner-event';

/**
 * A contact this transporter is involved in was withdrawn by its originator (ContactWithdrawnV1):
 * its open site visits are cancelled. Who withdrew it is not said: another organisation's.
 */
export class PartnerContactWithdrawnV1 extends PartnerEventV1 {
  static readonly type = 'uk.gas.cms.partner.contact.withdrawn.v1';
  static readonly topic = PartnerTopics.referrals;

  @Mprn()
  mprn!: string;

  @Text(REASON_MAX_LENGTH)
  reason!: string;

  @Instant()
  withdrawnAt!: string;
}
