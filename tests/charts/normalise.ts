/** Snapshots are normalised to one element per line, so a change shows as a readable diff. */
export function normaliseSvg(svg: string): string {
  return `${svg.replace(/></g, '>\n<')}\n`;
}
