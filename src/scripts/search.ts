/**
 * The search page's script: loads Pagefind's search bundle (/pagefind/pagefind.js, built by
 * src/integrations/search-index.ts) only when this page runs, searches as the reader types, keeps the
 * query in the address (?q=) so a search can be shared, and lists the results. Results are built
 * as DOM nodes: the excerpt's text and its <mark>s are copied, never its markup.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const MAX_RESULTS = 20;

/** The excerpt's words with Pagefind's highlights, as nodes: text and <mark> only. */
export function excerptNodes(excerpt: string, document: Document): Node[] {
  // Pagefind 1.6's excerpt is the page's text with only < and > escaped (an & stays as it is) and
  // <mark> around the matches: those tags are the only markup, and only &lt; &gt; are decoded, so
  // text that reads "&amp;" or "<x>" shows as written.
  const text = (piece: string) => piece.replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  return excerpt.split(/(<mark>[^<]*<\/mark>)/).flatMap((piece): Node[] => {
    if (piece === '') return [];
    const marked = /^<mark>([^<]*)<\/mark>$/.exec(piece);
    if (!marked) return [document.createTextNode(text(piece))];
    const mark = document.createElement('mark');
    mark.textContent = text(marked[1] ?? '');
    return [mark];
  });
}

export function startSearch(document: Document = window.document): void {
  const box = document.querySelector<HTMLElement>('[data-search]');
  const bundle = box?.dataset.bundle;
  const form = box?.querySelector('form');
  const input = box?.querySelector<HTMLInputElement>('input[name="q"]');
  const list = box?.querySelector<HTMLOListElement>('.search-results');
  const status = box?.querySelector<HTMLElement>('.search-status');
  if (!box || !bundle || !form || !input || !list || !status) return;
  box.hidden = false;
  document.querySelector('[data-search-nojs]')?.setAttribute('hidden', '');

  let loading: Promise<Pagefind> | undefined;
  const pagefind = () =>
    (loading ??= (import(/* @vite-ignore */ bundle) as Promise<Pagefind>).then(async (module) => {
      await module.init();
      return module;
    }));
  let latest = 0;

  async function run(): Promise<void> {
    const query = input!.value.trim();
    const url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    const turn = ++latest;
    if (!query) {
      list!.replaceChildren();
      status!.textContent = '';
      return;
    }
    const search = await (await pagefind()).search(query);
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (turn !== latest) return; // a newer query has started
    list!.replaceChildren(
      ...results.map((result) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = result.url;
        link.textContent = result.meta.title ?? result.url;
        const excerpt = document.createElement('p');
        excerpt.append(...excerptNodes(result.excerpt, document));
        item.append(link, excerpt);
        return item;
      }),
    );
    const count = search.results.length;
    status!.textContent =
      count === 0
        ? `No page mentions “${query}”.`
        : `${count} ${count === 1 ? 'page' : 'pages'} for “${query}”${count > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ''}.`;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 200);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  const initial = new URL(window.location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}
