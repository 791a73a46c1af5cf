/**
 * Shows a chart mark's claim (figure, claimant, date, quote) in a tooltip when the mark is hovered
 * or focused. Screen readers already get the same text as the link's name; this is for sighted
 * mouse and keyboard users. Without JavaScript, a mark is still a link to its row in the claims table.
 */
export function enableChartTooltips(root: Document = document): void {
  const tooltip = root.createElement('div');
  tooltip.className = 'chart-tooltip';
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  root.body.append(tooltip);

  let current: Element | null = null;
  const show = (mark: Element) => {
    const text = mark.getAttribute('aria-label');
    if (!text) return;
    current = mark;
    tooltip.textContent = text;
    tooltip.hidden = false;
    const box = mark.getBoundingClientRect();
    const width = tooltip.offsetWidth;
    const left = Math.min(
      Math.max(8, box.left + box.width / 2 - width / 2),
      root.documentElement.clientWidth - width - 8,
    );
    const above = box.top - tooltip.offsetHeight - 8;
    tooltip.style.left = `${left + window.scrollX}px`;
    tooltip.style.top = `${(above > 0 ? above : box.bottom + 8) + window.scrollY}px`;
  };
  const hide = () => {
    current = null;
    tooltip.hidden = true;
  };
  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest('a.chart-mark') : null);

  root.addEventListener('mouseover', (event) => {
    const mark = markOf(event.target);
    if (mark && mark !== current) show(mark);
    else if (!mark && current) hide();
  });
  root.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark) show(mark);
    else hide();
  });
  root.addEventListener('focusout', hide);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
