import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProblemErrorResponse {
  @ApiProperty({ example: 'MPRN_FORMAT' })
  code: string;

  @ApiProperty({ example: 'An MPRN is numeric and at most 10 digits.' })
  message: string;

  @ApiPropertyOptional({ example: 'mprn' })
  field?: string;
}

/** RFC 9457 problem details, as every CMS service returns them (see libs/contracts/src/problem-details.ts). */
export class ProblemDetailsResponse {
  @ApiProperty({ example: 'urn:cms:problem:mprn-format' })
  type: string;

  @ApiProperty({ example: 'Malformed MPRN' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiProperty({ description: 'Stable, machine-readable code.', example: 'MPRN_FORMAT' })
  code: string;

  @ApiPropertyOptional({ description: 'Trace id: quote it to support.', example: '4bf92f3577b34da6a3ce929d0e0e4736' })
  traceId?: string;

  @ApiPropertyOptional({ example: '/api/v1/meter-points/39384A4403' })
  instance?: string;

  @ApiPropertyOptional({ type: [ProblemErrorResponse], description: 'Every field or reason at fault.' })
  errors?: ProblemErrorResponse[];
}
