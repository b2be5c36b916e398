import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageSizeParam } from '@cms/service-defaults';

export const MAX_USERS_PAGE_SIZE = 100;
export const DEFAULT_USERS_PAGE_SIZE = 50;

export class ListUsersQuery {
  @PageSizeParam({ max: MAX_USERS_PAGE_SIZE, default: DEFAULT_USERS_PAGE_SIZE })
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    maxLength: 36,
    description:
      'CDSP administrators only: list another organisation’s users. Anyone else gets 404 for another organisation.',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
