import { ApiProperty } from '@nestjs/swagger';
import type { MeterPointStatus } from '@cms/gas-market';

/** A meter point status from the reference data. */
export class MeterPointStatusResponse {
  @ApiProperty({ description: 'Status code (reference data, not a fixed list).', example: 'DE' })
  code: string;

  @ApiProperty({ example: 'Dead' })
  name: string;

  static from(status: MeterPointStatus): MeterPointStatusResponse {
    return Object.assign(new MeterPointStatusResponse(), { code: status.code, name: status.name });
  }
}

export class MeterPointStatusListResponse {
  @ApiProperty({ type: [MeterPointStatusResponse] })
  items: MeterPointStatusResponse[];
}
