/** "1 item", "6 items", "0 items": a count with its noun, singular for one (a regular plural: the noun + "s"). */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
