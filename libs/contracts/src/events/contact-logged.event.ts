import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { Topics } from '../topics';
import { LDZ_CODES, MPRN_PATTERN } from '@cms/gas-market';

/** A shipper's DTL or ISO contact was accepted and given a CRN. Published on `cms.contacts.v1`, keyed by CRN. */
export class ContactLoggedV1 {
  static readonly type = 'uk.gas.cms.contact.logged.v1';
  static readonly topic = Topics.contacts;

  @IsString()
  @MaxLength(20)
  crn!: string;

  @IsIn(['DTL', 'ISO'])
  contactType!: 'DTL' | 'ISO';

  @Matches(MPRN_PATTERN)
  mprn!: string;

  @IsIn(['LOGGED'])
  status!: 'LOGGED';

  /** The meter point status the originator asks for: LI for DTL; DE or LI for ISO. */
  @IsIn(['LI', 'DE'])
  requestedStatus!: 'LI' | 'DE';

  @IsUUID()
  originatorOrganisationId!: string;

  @IsString()
  @MaxLength(64)
  loggedByUserId!: string;

  @IsUUID()
  transporterOrganisationId!: string;

  @IsOptional()
  @IsUUID()
  registeredShipperOrganisationId?: string | null;

  /**
   * The meter point's Local Distribution Zone, when the register knows it: the services that count
   * working days for the contact pick its calendar by it (Scotland's for SC, docs/domain.md "Time limits").
   */
  @IsOptional()
  @IsIn(LDZ_CODES)
  ldz?: string | null;

  @IsISO8601()
  loggedAt!: string;

  /** Every organisation that may see this contact now (originator, CDSP); consumers scope alerts by it. */
  @IsArray()
  @ArrayMinSize(1)
  @IsUUID('all', { each: true })
  organisationIds!: string[];
}
