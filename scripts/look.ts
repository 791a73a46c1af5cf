// Screenshots for a quick look while developing: `npx node scripts/look.ts <url> <out.png> [width] [light|dark] [js|nojs] [full|nofull|<css selector>]`.
import { launchChromium } from '../tests/browser/lib/chromium.ts';

const [
  url = 'http://localhost:4321/',
  out = 'test-output/look.png',
  width = '1280',
  scheme = 'light',
  js = 'js',
  full = 'full',
] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme as 'light' | 'dark',
  javaScriptEnabled: js === 'js',
});
await page.goto(url);
if (full === 'full' || full === 'nofull') await page.screenshot({ path: out, fullPage: full === 'full' });
else await page.locator(full).first().screenshot({ path: out });
await browser.close();
