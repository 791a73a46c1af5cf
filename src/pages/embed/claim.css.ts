// The claim card embeds' one stylesheet: the colour theme, the base rules, what every embed page
// shares (src/styles/embed-frame.css) and the card's own (src/styles/claim-card.css), minified; none
// of the chart rules, which a card never uses.
import type { APIRoute } from 'astro';
import { themeCss } from '../../charts/palette.ts';
import { minifyCss } from '../../site/minify-css.ts';
import baseRules from '../../styles/base.css?raw';
import cardRules from '../../styles/claim-card.css?raw';
import frameRules from '../../styles/embed-frame.css?raw';

export const GET: APIRoute = () =>
  new Response(`${minifyCss(`${themeCss()}\n${baseRules}\n${frameRules}\n${cardRules}`)}\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
