import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'seats' })
  field!: string;
  @ApiProperty({ example: 'seats must not be less than 1' })
  message!: string;
}

/** RFC 9457 problem details as this API sends them. */
export class ProblemDocumentDto {
  @ApiProperty({ example: '/problems/booking-insufficient-seats' })
  type!: string;
  @ApiProperty({ example: 'Conflict' })
  title!: string;
  @ApiProperty({ example: 409 })
  status!: number;
  @ApiProperty({ example: 'Only 3 seats are left for this show.' })
  detail!: string;
  @ApiProperty({ example: 'BOOKING.INSUFFICIENT_SEATS', description: 'Stable machine code' })
  code!: string;
  @ApiPropertyOptional({ example: '/bookings' })
  instance?: string;
  @ApiPropertyOptional({ example: 'req-7f3c', description: 'Quote this when reporting a problem' })
  correlationId?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
