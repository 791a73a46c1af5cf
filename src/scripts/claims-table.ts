/**
 * Progressive enhancement for the claims table: filter by claimant, action and year, and sort by a
 * column header. Without this script the full table is there and readable; nothing depends on it.
 */
export function enhanceClaimsTable(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form.claims-filters');
  const tbody = root.querySelector('tbody');
  const count = root.querySelector<HTMLElement>('.claims-count');
  if (!form || !tbody) return;
  const rows = [...tbody.querySelectorAll<HTMLTableRowElement>('tr')];
  form.hidden = false;

  const apply = () => {
    const wanted = new FormData(form);
    let shown = 0;
    for (const row of rows) {
      const visible = (['claimant', 'action', 'year'] as const).every((key) => {
        const value = wanted.get(key);
        // A row may list several values (a claim credited jointly names each claimant), space-separated.
        return !value || (row.dataset[key] ?? '').split(' ').includes(String(value));
      });
      row.hidden = !visible;
      if (visible) shown++;
    }
    if (count) count.textContent = `Showing ${shown} of ${rows.length} claims.`;
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());

  // Sorting: the date and figure columns sort by their data attributes, the rest by text.
  const headers = [...root.querySelectorAll<HTMLTableCellElement>('thead th')];
  headers.forEach((header, index) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = header.textContent ?? '';
    header.textContent = '';
    header.append(button);
    button.addEventListener('click', () => {
      const ascending = header.getAttribute('aria-sort') !== 'ascending';
      headers.forEach((other) => other.removeAttribute('aria-sort'));
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const key = (row: HTMLTableRowElement): string | number => {
        if (index === 0) return Number(row.dataset.sortFigure);
        if (index === 4) return Number(row.dataset.sortDate);
        return row.cells[index]?.textContent?.trim().toLowerCase() ?? '';
      };
      const sorted = [...rows].sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return ascending ? order : -order;
      });
      tbody.append(...sorted);
    });
  });
  apply();
}
