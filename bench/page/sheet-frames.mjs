// What a sheet page sends to the browser: the prerendered document's size and, per WebSocket frame of the circuit, its
// size and arrival (ms after navigation). Usage: node bench/page/sheet-frames.mjs URL [user] [password]
import { chromium } from 'playwright-core';
import { signIn } from './sign-in.mjs';

const [url, user = 'assessor1', password = 'Kaoping@2018'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
await signIn(page, url, user, password);
await page.goto(`${url}/`);
const sheet = await page.locator('a[href^="/sheets/"]').first().getAttribute('href');
let start = 0;
let log = [];
page.on('websocket', ws => {
  log.push([performance.now() - start, 'socket']);
  ws.on('framereceived', f => log.push([performance.now() - start, `frame ${f.payload.length} bytes`]));
});
for (let i = 0; i < 3; i++) { // the last of three loads is shown: the first ones warm the server
  log = [];
  start = performance.now();
  await page.goto(`${url}${sheet}`);
  await page.waitForSelector('#sheet-header[data-interactive=true]', { timeout: 20000 });
  log.push([performance.now() - start, 'interactive']);
}
const n = await page.evaluate(() => performance.getEntriesByType('navigation')[0].toJSON());
console.log(`document ${n.decodedBodySize} bytes, DOMContentLoaded ${n.domContentLoadedEventEnd.toFixed(0)} ms`);
for (const [t, what] of log.sort((a, b) => a[0] - b[0])) console.log(`${t.toFixed(0)} ms ${what}`);
await browser.close();
