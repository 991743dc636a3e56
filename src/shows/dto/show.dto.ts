import { OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PaginationQueryDto } from '../../common/pagination/pagination.dto';
import { MAX_CAPACITY } from '../../venues/dto/venue.dto';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
/** A date-time with or without an offset; without one it is wall-clock time at the venue. */
const LOCAL_OR_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/i;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;
const ISO = { strict: true, strictSeparator: true };

export class CreateShowDto {
  @Transform(trim) @IsString() @Length(1, 200) name!: string;
  @Transform(trim) @IsString() @Length(1, 60) language!: string;
  @Transform(trim) @IsString() @Length(1, 60) genre!: string;

  /** 0–10, one decimal. */
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  rating!: number;

  /** Whole currency units (the seed's `ticketprice`). */
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  price!: number;

  /**
   * ISO 8601, e.g. `2026-12-03T19:30:00+05:30`; without an offset (`2026-12-03T19:30`) it is
   * the venue's local time.
   */
  @IsISO8601(ISO)
  @Matches(LOCAL_OR_OFFSET, { message: 'startsAt must look like 2026-12-03T19:30:00+05:30' })
  startsAt!: string;

  /** Same format as startsAt; must be later. */
  @IsISO8601(ISO)
  @Matches(LOCAL_OR_OFFSET, { message: 'endsAt must look like 2026-12-03T22:00:00+05:30' })
  endsAt!: string;

  /** Defaults to the venue's capacity. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number;
}

/** Partial update; `null` is refused. Capacity may not drop below seats booked (409). */
export class UpdateShowDto extends PartialType(CreateShowDto, { skipNullProperties: false }) {}

export class ListShowsQueryDto extends PaginationQueryDto {
  /** A calendar day in each venue's own time zone. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601(ISO, { message: 'date must be a real calendar date' })
  date?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  venueId?: number;

  /** Exact genre, case-insensitive. */
  @IsOptional() @IsString() @Length(1, 60) genre?: string;

  /** Substring of the show name, case-insensitive. */
  @IsOptional() @IsString() @Length(1, 100) q?: string;

  /** Shows starting at or after this instant (ISO 8601 with offset). */
  @IsOptional()
  @IsISO8601(ISO)
  @Matches(WITH_OFFSET, { message: 'from must be ISO 8601 with an offset' })
  from?: string;

  /** Shows starting before this instant (ISO 8601 with offset). */
  @IsOptional()
  @IsISO8601(ISO)
  @Matches(WITH_OFFSET, { message: 'to must be ISO 8601 with an offset' })
  to?: string;
}

export class ListVenueShowsQueryDto extends OmitType(ListShowsQueryDto, ['venueId'] as const) {}
