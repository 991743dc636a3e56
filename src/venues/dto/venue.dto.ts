import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsTimeZone, Length, Max, Min } from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination.dto';

export const MAX_CAPACITY = 1_000_000;
const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class CreateVenueDto {
  /** Display name. */
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;

  /** Free-text place, e.g. "Bandra, Mumbai" (the seed's `location`). */
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  location!: string;

  /** City, used by the `city` filter (case-insensitive). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  city?: string;

  /** Seats (the seed's `seats`); new shows default to it and changes carry to upcoming shows. */
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity!: number;

  /** IANA time zone, e.g. `Asia/Kolkata`; defaults to DEFAULT_VENUE_TIMEZONE. */
  @IsOptional()
  @IsString()
  @IsTimeZone()
  timezone?: string;
}

/** Partial update; `null` is refused (400) rather than reaching a NOT NULL column. */
export class UpdateVenueDto extends PartialType(CreateVenueDto, { skipNullProperties: false }) {}

export class ListVenuesQueryDto extends PaginationQueryDto {
  /** Exact city, case-insensitive. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string;

  /** Substring of the name or location, case-insensitive. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;
}
