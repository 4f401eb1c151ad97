// Time from a finding saved on node A (the PUT acknowledged) to its note shown on a sheet page open on node B, in
// Debian's Chromium: the page's own MutationObserver stamps the moment (Date.now(), the same machine's clock).
// Usage: node bench/page/cross-node.mjs NODE_A_URL NODE_B_URL [changes] [pause-ms]
//   Both nodes on one PostgreSQL database with the demo data (bench/load/nodes.sh starts them): assessor1 scores 禹州市
//   through node A's API; the office's admin has the sheet open on node B.
import { chromium } from 'playwright-core';
import { signIn } from './sign-in.mjs';

const [nodeA, nodeB, changes = '20', pause = '500'] = process.argv.slice(2);
const password = process.env.KAOPING_DEMO_PASSWORD ?? 'Kaoping@2018';
const items = ['1.1.2', '1.1.3', '1.1.5', '1.2.1'];

async function api(path, init = {}, token) {
  const response = await fetch(`${nodeA}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

const token = (await (await api('/api/auth/login', { method: 'POST', body: JSON.stringify({ userName: 'assessor1', password }) })).json())
  .accessToken;
const sheets = await (await api('/api/campaigns/1/sheets', {}, token)).json();
const sheet = sheets.find(s => s.target === '禹州市').id;

const browser = await chromium.launch({
  executablePath: process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
await signIn(page, nodeB, 'admin', password);
await page.goto(`${nodeB}/sheets/${sheet}`);
await page.waitForSelector('#sheet-header[data-interactive=true]', { timeout: 60000 });

const times = [];
let missed = 0;
for (let i = 0; i < Number(changes); i++) {
  const item = items[i % items.length];
  const text = `assessor1 刚修改了${item}`;
  await page.evaluate(wanted => {
    window.__shownAt = null;
    const state = () => document.querySelector('.save-state')?.textContent ?? '';
    new MutationObserver((_, observer) => {
      if (state().includes(wanted)) { window.__shownAt = Date.now(); observer.disconnect(); }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  const etag = (await api(`/api/sheets/${sheet}`, {}, token)).headers.get('etag');
  const body = JSON.stringify({ findings: i % 2 === 0 ? [{ clause: 1, count: 1 }] : [] });
  await api(`/api/sheets/${sheet}/items/${item}/findings`, { method: 'PUT', body, headers: { 'if-match': etag } }, token);
  const acknowledged = Date.now();
  try {
    await page.waitForFunction(() => window.__shownAt !== null, null, { timeout: 10000, polling: 50 });
    times.push((await page.evaluate(() => window.__shownAt)) - acknowledged);
  } catch {
    missed++;
  }
  await new Promise(r => setTimeout(r, Number(pause)));
}
times.sort((a, b) => a - b);
const at = q => (times.length ? times[Math.min(times.length - 1, Math.floor(q * times.length))] : NaN).toFixed(0);
console.log(`cross-node live change (sheet ${sheet}, A ${nodeA} → B ${nodeB}), ${times.length} shown, ${missed} not within 10 s: `
  + `median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`);
await browser.close();
