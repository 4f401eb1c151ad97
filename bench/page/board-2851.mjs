// A campaign of 2,851 targets (China's county-level units), then its board and ranking timed in Debian's Chromium until
// they work, and the server's resident memory after 20 users have opened both.
// Usage: node bench/page/board-2851.mjs URL SERVER_PID [loads]
//   URL: a running Kaoping with the demo data (admin, assessor1); SERVER_PID: its process, for /proc/PID/status (VmRSS).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { signIn } from './sign-in.mjs';

const [url, pid, loads = '5'] = process.argv.slice(2);
const units = 2851, password = 'Kaoping@2018';
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function call(method, path, body, token) {
  const response = await fetch(url + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}
const login = async user => (await call('POST', '/api/auth/login', { userName: user, password })).accessToken;

// KAOPING_CAMPAIGN=ID measures a campaign seeded by an earlier run (the server restarted on the same data directory).
// Seeding through the API: the targets (kept from an earlier run), a campaign of all of them scored by assessor1's team,
// half of them taken through to 已审定 so that the ranking has 1,425 rows.
const admin = await login('admin');
const assessor = await login('assessor1');
let campaign = process.env.KAOPING_CAMPAIGN ? { id: Number(process.env.KAOPING_CAMPAIGN) } : null;
if (!campaign) {
const existing = new Map((await call('GET', '/api/targets', undefined, admin)).map(t => [t.name, t.id]));
const ids = [];
for (let i = 1; i <= units; i++) {
  const name = `测试县${String(i).padStart(4, '0')}`;
  ids.push(existing.get(name) ?? (await call('POST', '/api/targets', { name, kind: '县' }, admin)).id);
}
const assessorId = (await call('GET', '/api/users', undefined, await login('sysadmin'))).find(u => u.userName === 'assessor1').id;
const rubricId = (await call('GET', '/api/rubrics', undefined, admin))[0].id;
campaign = await call('POST', '/api/campaigns', {
  name: `全国县级单位考评（${units}）`, year: 2026, rubricId, targetIds: ids, selfAssessment: false,
  teams: [{ name: '全国考评组', memberUserIds: [assessorId], targetIds: ids }],
}, admin);
const sheets = (await call('GET', `/api/campaigns/${campaign.id}/sheets`, undefined, admin)).map(s => s.id);
const half = sheets.slice(0, Math.ceil(sheets.length / 2));
for (const [action, token, list] of [['startAssessment', assessor, sheets], ['submitAssessment', assessor, half], ['review', admin, half],
  ['approve', admin, half]]) {
  const answer = await call('POST', `/api/campaigns/${campaign.id}/transitions`, { action, sheetIds: list }, token);
  console.log(`${action}: ${answer.done} done, ${answer.refused} refused`);
}
}
const sheetCount = (await call('GET', `/api/campaigns/${campaign.id}/sheets?page=1&pageSize=1`, undefined, admin)).total;
console.log(`campaign ${campaign.id}: ${sheetCount} sheets; server resident ${rss().toFixed(0)} MB before the pages`);

const browser = await chromium.launch({
  executablePath: process.env.KAOPING_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
async function signedIn() {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await signIn(page, url, 'admin', password);
  return page;
}
// Interactive: the circuit is up (data-interactive) and the board's rows, or the ranking's, are shown.
async function board(page) {
  const start = performance.now();
  await page.goto(`${url}/campaigns/${campaign.id}`, { timeout: 120000 });
  await page.waitForSelector('.page-content[data-interactive=true] #board tbody tr', { timeout: 120000 });
  return performance.now() - start;
}
async function ranking(page) {
  const start = performance.now();
  await page.locator('.mud-tab', { hasText: '排名' }).click();
  await page.waitForSelector('#ranking tbody tr', { timeout: 120000 });
  return performance.now() - start;
}
const first = await signedIn();
const times = { board: [], ranking: [] };
for (let i = 0; i <= Number(loads); i++) {
  const b = await board(first), r = await ranking(first);
  if (i > 0) { times.board.push(b); times.ranking.push(r); } // the first load warms the server's code paths
  else console.log(`first load on this server: board ${b.toFixed(0)} ms, ranking ${r.toFixed(0)} ms`);
}
const at = (list, q) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))].toFixed(0);
for (const [name, list] of Object.entries(times))
  console.log(`${name} interactive after navigation, ${list.length} loads: median ${at(list, 0.5)} ms, max ${at(list, 1)} ms`);

// 20 users, each with a circuit of its own that stays open, open the board and then the ranking.
const pages = [first];
for (let i = 1; i < 20; i++) pages.push(await signedIn());
const started = performance.now();
let peak = rss();
const sampler = setInterval(() => { peak = Math.max(peak, rss()); }, 200);
const opened = await Promise.allSettled(pages.slice(1).map(async p => { await board(p); await ranking(p); }));
clearInterval(sampler);
const failed = opened.filter(o => o.status === 'rejected');
console.log(`19 more users opened board and ranking together in ${((performance.now() - started) / 1000).toFixed(1)} s`
  + ` (${failed.length} did not within 120 s${failed.length ? ': ' + failed[0].reason.message.split('\n')[0] : ''});`
  + ` server resident ${rss().toFixed(0)} MB with 20 circuits open, peak ${peak.toFixed(0)} MB while they loaded`);
await browser.close();
