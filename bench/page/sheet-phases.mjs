// Where a sheet page's time to interactive goes: per load, the document, blazor.web.js, the circuit's WebSocket and the
// interactive header, in ms after navigation. Usage: node bench/page/sheet-phases.mjs URL [loads] [user] [password]
import { chromium } from 'playwright-core';
import { signIn } from './sign-in.mjs';

const [url, loads = '6', user = 'assessor1', password = 'Kaoping@2018'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
await signIn(page, url, user, password);
await page.goto(`${url}/`);
const sheet = await page.locator('a[href^="/sheets/"]').first().getAttribute('href');
let start = 0;
const marks = {};
page.on('response', r => { const u = new URL(r.url()).pathname; if (u === sheet) marks.document = performance.now() - start; });
page.on('requestfinished', r => { const u = new URL(r.url()).pathname; if (u.endsWith('blazor.web.js')) marks.script = performance.now() - start; if (u.includes('negotiate')) marks.negotiate = performance.now() - start; });
page.on('websocket', () => { marks.socket = performance.now() - start; });
for (let i = 0; i < Number(loads) + 1; i++) {
  for (const k of Object.keys(marks)) delete marks[k];
  start = performance.now();
  await page.goto(`${url}${sheet}`, { waitUntil: 'commit' });
  await page.waitForSelector('#sheet-header[data-interactive=true]', { timeout: 20000 });
  marks.interactive = performance.now() - start;
  if (i > 0) console.log(Object.entries(marks).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
}
await browser.close();
