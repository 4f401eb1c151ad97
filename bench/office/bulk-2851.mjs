// A campaign of 2,851 targets (China's county-level units) on a running Kaoping, then one bulk action over all its sheets.
// Usage: node bench/office/bulk-2851.mjs URL [user] [password]
//   URL: a running Kaoping with the demo data (e.g. http://127.0.0.1:5184). Prints the campaign's id, for bench/page too.
const [url, user = 'admin', password = 'Kaoping@2018'] = process.argv.slice(2);
const units = 2851;

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

const { accessToken: token } = await call('POST', '/api/auth/login', { userName: user, password });
const existing = new Map((await call('GET', '/api/targets', undefined, token)).map(t => [t.name, t.id]));
const ids = [];
let started = performance.now();
for (let i = 1; i <= units; i++) {
  const name = `测试县${String(i).padStart(4, '0')}`;
  ids.push(existing.get(name) ?? (await call('POST', '/api/targets', { name, kind: '县' }, token)).id);
}
console.log(`${units} targets ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const rubricId = (await call('GET', '/api/rubrics', undefined, token))[0].id;
const campaign = await call('POST', '/api/campaigns', {
  name: `全国县级单位考评（${units}）`, year: 2026, rubricId, targetIds: ids, teams: [], selfAssessment: false,
}, token);
const sheets = (await call('GET', `/api/campaigns/${campaign.id}/sheets`, undefined, token)).map(s => s.id);
console.log(`campaign ${campaign.id}: ${sheets.length} sheets`);
for (const action of ['startAssessment']) {
  started = performance.now();
  const answer = await call('POST', `/api/campaigns/${campaign.id}/transitions`, { action, sheetIds: sheets }, token);
  const seconds = (performance.now() - started) / 1000;
  console.log(`bulk ${action} over ${sheets.length} sheets: ${seconds.toFixed(2)} s, ${answer.done} done, ${answer.refused} refused`);
}
// a second action on the same sheets, all refused (the wrong state): the cost of checking alone
started = performance.now();
const refused = await call('POST', `/api/campaigns/${campaign.id}/transitions`, { action: 'review', sheetIds: sheets }, token);
console.log(`bulk review over ${sheets.length} sheets (all refused): ${((performance.now() - started) / 1000).toFixed(2)} s, ${refused.refused} refused`);
