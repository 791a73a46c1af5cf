/** Test double: a host window with iframes, to run the embed host snippet in Node and send it messages. */
export function fakeHost(origin: string, iframeSources: string[]) {
  const listeners: ((event: { data: unknown; origin: string; source: unknown }) => void)[] = [];
  const iframes = iframeSources.map((src) => ({ src, contentWindow: { src }, style: { height: '' } }));
  const window: Record<string, unknown> = {
    origin,
    addEventListener: (type: string, listener: (typeof listeners)[number]) =>
      type === 'message' && listeners.push(listener),
  };
  const document = { getElementsByTagName: (name: string) => (name === 'iframe' ? iframes : []) };
  return {
    window,
    iframes,
    listeners,
    run: (code: string) => new Function('window', 'document', code)(window, document),
    send: (data: unknown, from: { origin: string; source: unknown }) =>
      listeners.forEach((listener) => listener({ data, ...from })),
  };
}
