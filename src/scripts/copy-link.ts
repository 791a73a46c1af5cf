/**
 * Adds a "Copy link" button beside each permalink marked data-copy-link. Without JavaScript (or
 * without the Clipboard API) the address stays as visible, selectable text and no dead button shows.
 */
export function enhanceCopyLinks(root: ParentNode = document): void {
  if (!navigator.clipboard) return;
  for (const permalink of root.querySelectorAll<HTMLElement>('[data-copy-link]')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    button.textContent = 'Copy link';
    const status = document.createElement('span');
    status.className = 'small';
    status.setAttribute('role', 'status');
    button.addEventListener('click', () => {
      navigator.clipboard.writeText(permalink.textContent?.trim() ?? '').then(
        () => (status.textContent = 'Copied.'),
        () => (status.textContent = 'Could not copy: select the address and copy it.'),
      );
    });
    permalink.after(' ', button, ' ', status);
  }
}
