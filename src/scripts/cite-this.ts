/**
 * Progressive enhancement for CiteThis.astro: shows a Copy button beside each plain-text citation.
 * Without it the citations are ordinary text, to select and copy by hand.
 */
export function enhanceCiteThis(root: Document = document): void {
  for (const box of root.querySelectorAll<HTMLElement>('[data-cite-this]')) {
    if (box.dataset.enhanced) continue;
    box.dataset.enhanced = 'true';
    const status = box.querySelector<HTMLElement>('.cite-status');
    for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-copy-from]')) {
      const text = root.getElementById(button.dataset.copyFrom ?? '')?.textContent?.trim();
      if (!text || !navigator.clipboard) continue;
      button.hidden = false;
      button.addEventListener('click', () => {
        navigator.clipboard.writeText(text).then(
          () => {
            if (status) status.textContent = 'Citation copied.';
          },
          () => {
            if (status) status.textContent = 'Could not copy: select the citation and copy it.';
          },
        );
      });
    }
  }
}
