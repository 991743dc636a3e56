import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { numeric, trim } from './legacy-transforms';

export class LegacyBookDto {
  @Transform(numeric) @IsInt() @Min(1) @Max(2_147_483_647) show_id!: number;
  /** Any integer: ≤ 0 is refused with the seed's 403, like running out of seats. */
  @Transform(numeric) @IsInt() numberofseats!: number;
  /** If sent, must be the caller's own username (403 otherwise). */
  @IsOptional() @Transform(trim) @IsString() username?: string;
}
