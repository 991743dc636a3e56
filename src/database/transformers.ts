import { ValueTransformer } from 'typeorm';

/** pg returns numeric/bigint as strings; these columns are small enough for a JS number. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
