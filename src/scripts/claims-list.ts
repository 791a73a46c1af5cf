/**
 * Progressive enhancement for the claims list (/claims/): filter by every facet, search the text,
 * sort, with the state in the query string so a filtered view can be shared and reloads the same.
 * Without this script the whole list is there and the form stays hidden; nothing depends on it.
 * On one page of a longer list (the form has data-page-of) it works on that page's entries, and a
 * single facet choice gets a link to that facet's prebuilt pages, which list every claim with it.
 */

/** The words of a text, lowercased, without accents or curly quotes, for a forgiving match. */
export function searchWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** Whether every word of the query occurs in the text (both through searchWords). */
export function matchesQuery(text: string, query: string): boolean {
  return searchWords(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => text.includes(word));
}

export function enhanceClaimList(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form.claim-filters');
  const list = root.querySelector<HTMLElement>('.claim-entries');
  const count = root.querySelector<HTMLElement>('.claim-count');
  const none = root.querySelector<HTMLElement>('.claim-none');
  if (!form || !list || !count) return;
  const entries = [...list.querySelectorAll<HTMLElement>(':scope > li')];
  const texts = new Map(entries.map((entry) => [entry, searchWords(entry.textContent ?? '')]));
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  const facetSelects = selects.filter((select) => select.name !== 'sort');
  const search = form.querySelector<HTMLInputElement>('input[name="q"]');
  const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]');
  const facetLink = form.querySelector<HTMLAnchorElement>('.claim-facet-link a');
  const paged = form.dataset.pageOf !== undefined;

  // The state in the address: only values the form offers are taken, anything else is ignored.
  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    for (const select of selects) {
      const wanted = params.get(select.name) ?? '';
      select.value = [...select.options].some((option) => option.value === wanted)
        ? wanted
        : (select.options[0]?.value ?? '');
    }
    if (search) search.value = (params.get('q') ?? '').slice(0, 200);
  };
  const toUrl = () => {
    const params = new URLSearchParams();
    if (search?.value.trim()) params.set('q', search.value.trim());
    for (const select of selects) if (select.value && select.selectedIndex > 0) params.set(select.name, select.value);
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  };

  let announce: number | undefined;
  const apply = (debounceCount: boolean) => {
    let shown = 0;
    for (const entry of entries) {
      const visible =
        facetSelects.every(
          (select) => !select.value || (entry.dataset[select.name] ?? '').split(' ').includes(select.value),
        ) && matchesQuery(texts.get(entry) ?? '', search?.value ?? '');
      entry.hidden = !visible;
      if (visible) shown++;
    }
    if (sort) {
      const descending = sort.value.startsWith('-');
      const key = sort.value.replace(/^-/, '') === 'figure' ? 'sortFigure' : 'sortDate';
      // Ties keep the date order, so equal figures still read chronologically.
      // Claims with no sortable value (a figure that is not a headcount) go last in both directions.
      const value = (entry: HTMLElement) => (entry.dataset[key] === '' ? null : Number(entry.dataset[key]));
      const sorted = [...entries].sort((a, b) => {
        const [first, second] = [value(a), value(b)];
        if ((first === null) !== (second === null)) return first === null ? 1 : -1;
        const order = first === null || second === null ? 0 : first - second;
        return (descending ? -order : order) || Number(a.dataset.sortDate) - Number(b.dataset.sortDate);
      });
      list.append(...sorted);
    }
    if (none) none.hidden = shown > 0;
    const words = `Showing ${shown} of ${entries.length} claims${paged ? ' on this page' : ''}.`;
    if (facetLink?.parentElement) {
      // One facet chosen and no search: its prebuilt pages hold every claim with it, not just this page's.
      const chosen = facetSelects.filter((select) => select.value);
      const only = chosen.length === 1 && !search?.value.trim() ? chosen[0] : undefined;
      facetLink.parentElement.hidden = !only;
      if (only) {
        facetLink.href = `${form.dataset.facetPath ?? '/claims/'}${only.name}/${only.value}/`;
        const facet = only.labels[0]?.firstChild?.textContent?.trim().toLowerCase() ?? only.name;
        facetLink.textContent = `Every claim with ${facet} “${only.selectedOptions[0]?.text ?? ''}”, on all its pages`;
      }
    }
    // Typing would announce every keystroke; the count settles first.
    window.clearTimeout(announce);
    if (debounceCount) announce = window.setTimeout(() => (count.textContent = words), 400);
    else count.textContent = words;
  };

  form.addEventListener('change', () => {
    apply(false);
    toUrl();
  });
  search?.addEventListener('input', () => {
    apply(true);
    toUrl();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  // A reset restores the controls after this event: read them on the next task.
  form.addEventListener('reset', () =>
    window.setTimeout(() => {
      apply(false);
      toUrl();
    }),
  );
  fromUrl();
  // The facet controls fold away on phones, where they would fill the first screen, unless the
  // address already filters by one; on wider screens they are open from the start.
  const facetsBox = form.querySelector<HTMLDetailsElement>('details.claim-facets');
  if (facetsBox && (matchMedia('(min-width: 40rem)').matches || facetSelects.some((select) => select.value)))
    facetsBox.open = true;
  form.hidden = false;
  apply(false);
}
