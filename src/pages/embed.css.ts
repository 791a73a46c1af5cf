// The embed pages' one stylesheet: the colour theme (as /theme.css serves it), the rules every chart
// frame shares (src/styles/chart-core.css), what every embed page shares (src/styles/embed-frame.css)
// and the chart embed's own (src/styles/embed.css), minified. One file instead of two keeps an embed
// page and all it loads under its 10 KB budget; the site's pages keep /theme.css and their Vite bundles.
import type { APIRoute } from 'astro';
import { themeCss } from '../charts/palette.ts';
import { minifyCss } from '../site/minify-css.ts';
import chartRules from '../styles/chart-core.css?raw';
import frameRules from '../styles/embed-frame.css?raw';
import embedRules from '../styles/embed.css?raw';
import baseRules from '../styles/base.css?raw';

export const GET: APIRoute = () =>
  new Response(`${minifyCss(`${themeCss()}\n${baseRules}\n${chartRules}\n${frameRules}\n${embedRules}`)}\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
