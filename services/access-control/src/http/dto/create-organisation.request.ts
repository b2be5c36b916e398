import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ORGANISATION_TYPES, type OrganisationType } from '@cms/gas-market';
import { NewUserIdentity } from './create-user.request';

export class CreateOrganisationRequest {
  @ApiProperty({
    description: 'Three capital letters, unique across organisations.',
    example: 'NWG',
    minLength: 3,
    maxLength: 3,
    pattern: '^[A-Z]{3}$',
  })
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'shortCode must be three capital letters' })
  shortCode: string;

  @ApiProperty({ example: 'Northwind Gas', minLength: 1, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ORGANISATION_TYPES, maxLength: 7 })
  @IsIn(ORGANISATION_TYPES)
  type: OrganisationType;

  @ApiProperty({
    type: NewUserIdentity,
    description: 'The organisation’s first Local Security Officer (given the LSO role).',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => NewUserIdentity)
  firstLso: NewUserIdentity;
}
