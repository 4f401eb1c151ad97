// Load test of the findings API: N concurrent clients, each updating findings on its own sheet for a while,
// then a check that the database holds exactly what was acknowledged. Run it through bench/load/run.sh.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

var url = Arg("--url", "http://127.0.0.1:5090");
var clients = int.Parse(Arg("--clients", "50"), CultureInfo.InvariantCulture);
var seconds = int.Parse(Arg("--seconds", "30"), CultureInfo.InvariantCulture);
var password = Arg("--password", "Kaoping@2018");
// 0: each client sends its next update as soon as the last one is answered (closed loop); otherwise one update per interval.
var interval = TimeSpan.FromMilliseconds(int.Parse(Arg("--interval-ms", "0"), CultureInfo.InvariantCulture));
// --sheets N: the campaign holds N sheets (at least one a client); those beyond the clients' are there and not written.
var sheetCount = Math.Max(clients, int.Parse(Arg("--sheets", "0"), CultureInfo.InvariantCulture));

// --ca FILE: over HTTPS, trust the server's certificate only when it is this one (a test deployment's self-signed one).
var ca = Arg("--ca", "");
var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 };
if (ca.Length > 0)
{
    using var trusted = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(ca));
    var hash = trusted.GetCertHashString();
    handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == hash;
}
using var http = new HttpClient(handler) { BaseAddress = new Uri(url) };
var admin = await Login("admin", password);

// 50 targets, an assessor and a campaign of 50 sheets, all the assessor's
var stamp = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
var targetIds = new List<int>();
for (var i = 1; i <= sheetCount; i++)
{
    var created = await Send(admin, HttpMethod.Post, "/api/targets", new { name = $"压测单位{stamp}-{i:00}", kind = "县（市）" });
    targetIds.Add(created.GetProperty("id").GetInt32());
}
// The demo's assessor1 scores them: a user made now would first have to change the password an administrator gave.
// Users are the system administrator's (a build before the separation of duties: the office's).
const string assessorName = "assessor1";
var users = await TryLogin("sysadmin", password) ?? admin;
var assessor = (await Send(users, HttpMethod.Get, "/api/users", null)).EnumerateArray().First(u => u.GetProperty("userName").GetString() == assessorName);
var campaign = await Send(admin, HttpMethod.Post, "/api/campaigns", new
{
    name = "压测考评任务 " + stamp, year = 2018, rubricId = 1, targetIds,
    teams = new[] { new { name = "压测组", memberUserIds = new[] { assessor.GetProperty("id").GetString() }, targetIds } },
    selfAssessment = false,
});
var token = await Login(assessorName, password);
var sheets = (await Send(token, HttpMethod.Get, $"/api/campaigns/{campaign.GetProperty("id").GetInt32()}/sheets", null))
    .EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).Order().Take(clients).ToList();
// Without a self-assessment the sheets wait for the team: open them for scoring.
foreach (var sheet in sheets)
    await Send(token, HttpMethod.Post, $"/api/sheets/{sheet}/transitions", new { action = "startAssessment" });

// The items each client cycles through, with a per-occurrence clause (count varies) or a once-clause.
(string Item, bool Counted)[] items = [("1.1.2", true), ("1.1.5", true), ("1.2.1", true), ("3.3.1", true), ("4.6.1", true), ("2.1.1", false), ("3.2.2", false)];
// The client shares the machine with the server: its requests are written once, not serialized for every update.
var bodies = Enumerable.Range(0, 5)
    .Select(count => JsonSerializer.SerializeToUtf8Bytes(new { findings = count == 0 ? Array.Empty<object>() : [new { clause = 1, count }] }))
    .ToArray();
ByteArrayContent Body(int count) => new(bodies[count]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
var bearer = new AuthenticationHeaderValue("Bearer", token);
var latencies = new List<double>[sheets.Count];
var errors = 0;
var acknowledged = new Dictionary<(int Sheet, string Item), int>[sheets.Count];
var stop = Stopwatch.StartNew();
await Task.WhenAll(sheets.Select((sheet, n) => Task.Run(async () =>
{
    latencies[n] = [];
    acknowledged[n] = [];
    var etag = (await Get(token, $"/api/sheets/{sheet}")).ETag;
    var random = new Random(n);
    var buffer = new byte[16 * 1024];
    // Paced clients start spread over one interval, as independent users would, rather than all at the same instant.
    var next = stop.Elapsed + interval * n / sheets.Count;
    for (var round = 0; stop.Elapsed.TotalSeconds < seconds; round++)
    {
        if (interval > TimeSpan.Zero)
        {
            if (next > stop.Elapsed)
                await Task.Delay(next - stop.Elapsed);
            next += interval;
        }
        var (item, counted) = items[round % items.Length];
        var count = counted ? random.Next(0, 5) : random.Next(0, 2);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/sheets/{sheet}/items/{item}/findings") { Content = Body(count) };
        request.Headers.Authorization = bearer;
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var started = Stopwatch.GetTimestamp();
        // The whole response is read (the re-scored sheet), into a buffer of the client's own rather than a new one each time.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using (var body = await response.Content.ReadAsStreamAsync())
        {
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        latencies[n].Add(elapsed);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            etag = response.Headers.ETag!.ToString();
            acknowledged[n][(sheet, item)] = count;
        }
        else
        {
            Interlocked.Increment(ref errors);
            etag = (await Get(token, $"/api/sheets/{sheet}")).ETag;
        }
    }
})));
var duration = stop.Elapsed.TotalSeconds;

// Afterwards the database holds exactly what was acknowledged.
var mismatches = 0;
foreach (var (sheet, n) in sheets.Select((s, n) => (s, n)))
{
    var stored = (await Get(token, $"/api/sheets/{sheet}")).Json.GetProperty("findings").EnumerateArray()
        .ToDictionary(f => f.GetProperty("item").GetString()!, f => f.GetProperty("count").GetInt32());
    foreach (var ((_, item), count) in acknowledged[n])
    {
        if (stored.GetValueOrDefault(item) != count)
            mismatches++;
    }
}

var all = latencies.SelectMany(l => l).Order().ToArray();
double P(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"clients {sheets.Count}, {(interval > TimeSpan.Zero ? $"one update per {interval.TotalMilliseconds} ms each" : "closed loop")}, {duration:F1} s, {all.Length} requests, {all.Length / duration:F0} req/s, errors {errors}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"latency ms: p50 {P(0.50):F1}, p90 {P(0.90):F1}, p99 {P(0.99):F1}, max {all.LastOrDefault():F1}"));
Console.WriteLine($"verification: {acknowledged.Sum(a => a.Count)} acknowledged item states checked, {mismatches} mismatches");
return errors == 0 && mismatches == 0 ? 0 : 1;

string Arg(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

async Task<string> Login(string userName, string pass)
{
    using var response = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = pass });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

async Task<string?> TryLogin(string userName, string pass)
{
    using var response = await http.PostAsJsonAsync("/api/auth/login", new { userName, password = pass });
    return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString() : null;
}

async Task<JsonElement> Send(string bearer, HttpMethod method, string path, object? body)
{
    var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
        throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
    return JsonDocument.Parse(text).RootElement.Clone();
}

async Task<(JsonElement Json, string ETag)> Get(string bearer, string path)
{
    var request = new HttpRequestMessage(HttpMethod.Get, path);
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone(), response.Headers.ETag!.ToString());
}
