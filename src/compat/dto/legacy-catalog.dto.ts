import { PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsString, Length, Max, Min } from 'class-validator';
import { numeric, trim } from './legacy-transforms';

export class LegacyVenueDto {
  @Transform(trim) @IsString() @Length(1, 200) name!: string;
  @Transform(trim) @IsString() @Length(1, 300) location!: string;
  /** Capacity. */
  @Transform(numeric) @IsInt() @Min(1) @Max(1_000_000) seats!: number;
}

export class LegacyEditVenueDto extends PartialType(LegacyVenueDto) {}

export class LegacyEditShowDto {
  @Transform(trim) @IsString() @Length(1, 200) name!: string;
  @Transform(trim) @IsString() @Length(1, 60) language!: string;
  @Transform(numeric) @IsNumber({ maxDecimalPlaces: 1 }) @Min(0) @Max(10) rating!: number;
  @Transform(numeric) @IsInt() @Min(0) @Max(10_000_000) ticketprice!: number;
  @Transform(trim) @IsString() @Length(1, 60) genre!: string;
}

export class LegacyEditShowPartialDto extends PartialType(LegacyEditShowDto) {}

/** The start is a wall-clock time in the venue's zone, given in parts. */
export class LegacyAddShowDto extends LegacyEditShowDto {
  @Transform(numeric) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Transform(numeric) @IsInt() @Min(1) @Max(12) month!: number;
  /** Day of the month. */
  @Transform(numeric) @IsInt() @Min(1) @Max(31) date!: number;
  @Transform(numeric) @IsInt() @Min(0) @Max(23) hours!: number;
  @Transform(numeric) @IsInt() @Min(0) @Max(59) minutes!: number;
}
