/** Numbers as people read them in reports and emails: "1,200". */
export const formatNumber = (n: number): string => n.toLocaleString('en-US');

/** "1 seat", "1,200 seats". */
export function count(n: unknown, singular: unknown): string {
  const value = Number(n);
  return `${formatNumber(value)} ${String(singular)}${value === 1 ? '' : 's'}`;
}
