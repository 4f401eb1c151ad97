// Time from navigation to a sheet page that works (#sheet-header[data-interactive=true]) in Debian's Chromium.
// Usage: node bench/page/sheet-interactive.mjs URL [loads] [user] [password]
//   URL: a running Kaoping (e.g. http://127.0.0.1:5090, the demo data); the sheet is 禹州市's, scored by assessor1.
import { chromium } from 'playwright-core';
import { signIn } from './sign-in.mjs';

const [url, loads = '10', user = 'assessor1', password = 'Kaoping@2018'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
await signIn(page, url, user, password);
await page.goto(`${url}/`);
const sheet = await page.locator('a[href^="/sheets/"]').first().getAttribute('href');
const times = [];
for (let i = 0; i < Number(loads) + 1; i++) {
  const start = performance.now();
  await page.goto(`${url}${sheet}`);
  try {
    await page.waitForSelector('#sheet-header[data-interactive=true]', { timeout: 20000 });
  } catch (error) {
    await page.screenshot({ path: '/tmp/sheet-interactive-failed.png' });
    throw new Error(`${page.url()} did not become interactive (screenshot /tmp/sheet-interactive-failed.png)`, { cause: error });
  }
  if (i > 0) times.push(performance.now() - start); // the first load warms the server's code paths
}
times.sort((a, b) => a - b);
const at = q => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
console.log(`sheet ${sheet} interactive after navigation, ${times.length} loads: median ${at(0.5)} ms, max ${at(1)} ms`);
await browser.close();
