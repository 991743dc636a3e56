/** The seed's HTML forms sent numbers as strings ("2026", "7.5"); accept both. */
export const numeric = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;

export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
