/**
 * Progressive enhancement for EmbedCodes.astro: Copy buttons, select-all on focus, and the options
 * (theme, no title, transparent) rewriting the iframe codes to the matching prebuilt embed page.
 * Without this script every code is still there, readable and selectable.
 */
export function enhanceEmbedCodes(root: Document = document): void {
  for (const box of root.querySelectorAll<HTMLElement>('[data-embed-codes]')) {
    if (box.dataset.enhanced) continue;
    box.dataset.enhanced = 'true';
    const status = box.querySelector<HTMLElement>('.embed-copy-status');
    const areas = [...box.querySelectorAll<HTMLTextAreaElement>('textarea[data-code]')];
    const originals = new Map(areas.map((area) => [area, area.value]));

    for (const area of areas) area.addEventListener('focus', () => area.select());

    for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-copy-for]')) {
      const area = root.getElementById(button.dataset.copyFor ?? '') as HTMLTextAreaElement | null;
      if (!area) continue;
      button.hidden = false;
      button.addEventListener('click', async () => {
        const label = box.querySelector(`label[for="${area.id}"]`)?.textContent?.trim() ?? 'Code';
        let copied = false;
        try {
          await navigator.clipboard.writeText(area.value);
          copied = true;
        } catch {
          // No clipboard API (insecure context, permissions): the old way, from a selection.
          area.focus();
          area.select();
          copied = document.execCommand?.('copy') ?? false;
        }
        if (status)
          status.textContent = copied
            ? `${label} code copied.`
            : `Press Ctrl+C or ⌘C to copy the selected ${label.toLowerCase()} code.`;
      });
    }

    const options = box.querySelector<HTMLFieldSetElement>('.embed-options');
    const baseUrl = box.dataset.embedUrl;
    type Heights = { default?: number; plain?: number };
    const heights = JSON.parse(box.dataset.heights ?? '{}') as Heights & { columns?: Record<string, Heights> };
    const imageCodes = JSON.parse(box.dataset.imageCodes ?? '{}') as Record<string, string | undefined>;
    if (!options || !baseUrl) continue;
    options.hidden = false;
    box.querySelector<HTMLElement>('.embed-options-static')?.setAttribute('hidden', '');
    options.addEventListener('change', () => {
      const theme = options.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? 'light';
      const plain = options.querySelector<HTMLInputElement>('input[name="plain"]')?.checked ?? false;
      const transparent = options.querySelector<HTMLInputElement>('input[name="transparent"]')?.checked ?? false;
      const slug = [theme === 'auto' ? '' : theme, plain ? 'plain' : '', transparent ? 'transparent' : '']
        .filter(Boolean)
        .join('-');
      const url = slug ? `${baseUrl}${slug}/` : baseUrl;
      for (const area of areas) {
        const kind = area.dataset.code;
        // A code for one column width (data-column) has that width's height.
        const sized = area.dataset.column ? heights.columns?.[area.dataset.column] : heights;
        const height = plain ? sized?.plain : sized?.default;
        if (kind === 'image') area.value = imageCodes[theme] ?? area.value;
        if (kind !== 'responsive' && kind !== 'iframe') continue;
        // The iframe's src is its first attribute: the default code's (light) address, replaced whole.
        area.value = (originals.get(area) ?? area.value)
          .replace(/ src="[^"]*"/, ` src="${url}"`)
          .replace(/ height="\d+"/, ` height="${height}"`);
      }
      if (status) status.textContent = 'Codes updated for the chosen options.';
    });
  }
}
