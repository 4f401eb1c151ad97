using System.Net;
using System.Net.Http.Json;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Web.Services.Mail;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Mail;

/// <summary>Notifications by e-mail through the outbox, against a real SMTP server the test starts (issue 16, item 4).</summary>
public class MailNotificationTests
{
    private const string Comment = "请补充1.1.2的会议纪要";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AReturnedSelfAssessment_MailsItsReporter_WithTheSubjectAndTheLink(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartedAsync();
        using var factory = MailingOffice(provider, smtp.Port);
        var sheet = await ReturnedToDongchengAsync(factory, "dongcheng@xuchang.test");

        Assert.Equal(1, await Sender(factory).SendDueAsync(Cancel));

        var mail = Assert.Single(smtp.Received);
        Assert.Equal("dongcheng@xuchang.test", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("kaoping@xuchang.test", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("【考评】东城区的考评表被退回", mail.Subject);
        Assert.Contains("东城区的自评被退回：" + Comment, mail.TextBody);
        Assert.Contains($"https://kaoping.xuchang.test/sheets/{sheet}", mail.TextBody);
        var row = await factory.WithDbAsync(db => db.OutgoingMail.SingleAsync(Cancel));
        Assert.Equal((MailState.Sent, 1, null), (row.State, row.Attempts, row.LastError));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AReporterWhoOptedOut_GetsTheNotificationInTheAppOnly(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartedAsync();
        using var factory = MailingOffice(provider, smtp.Port);

        await ReturnedToDongchengAsync(factory, "dongcheng@xuchang.test", optOut: true);

        Assert.Equal(0, await Sender(factory).SendDueAsync(Cancel));
        Assert.Empty(smtp.Received);
        Assert.Equal(0, await factory.WithDbAsync(db => db.OutgoingMail.CountAsync(Cancel)));
        Assert.Equal(1, await factory.WithDbAsync(db =>
            db.Notifications.CountAsync(n => n.Kind == NotificationKind.Returned && n.Text.Contains(Comment), Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WhileTheMailServerIsDown_TheActionSucceeds_AndTheMailIsSentOnceItIsBack(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var smtp = new TestSmtpServer(); // not started: nothing listens on its port
        using var factory = MailingOffice(provider, smtp.Port, clock);
        await ReturnedToDongchengAsync(factory, "dongcheng@xuchang.test"); // each step answered 200 with the server down

        Assert.Equal(0, await Sender(factory).SendDueAsync(Cancel));
        var failed = await factory.WithDbAsync(db => db.OutgoingMail.AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((MailState.Pending, 1), (failed.State, failed.Attempts));
        Assert.False(string.IsNullOrEmpty(failed.LastError));

        await smtp.StartAsync();
        Assert.Equal(0, await Sender(factory).SendDueAsync(Cancel)); // the retry waits its delay
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Sender(factory).SendDueAsync(Cancel));

        Assert.Equal("【考评】东城区的考评表被退回", Assert.Single(smtp.Received).Subject);
        var sent = await factory.WithDbAsync(db => db.OutgoingMail.AsNoTracking().SingleAsync(Cancel));
        Assert.Equal((MailState.Sent, 2, null), (sent.State, sent.Attempts, sent.LastError));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoSendersAtOnce_SendEveryMailExactlyOnce(DatabaseProvider provider)
    {
        await using var smtp = await TestSmtpServer.StartedAsync();
        using var factory = MailingOffice(provider, smtp.Port);
        await factory.ReadyAsync();
        var composer = factory.Services.GetRequiredService<MailComposer>();
        var admin = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync(Cancel));
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 45; i++)
                db.OutgoingMail.Add(composer.Compose(admin, $"office{i}@xuchang.test", NotificationKind.Submitted, "禹州市", $"第{i}封", 1, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync(Cancel);
        });
        // Two senders of their own, as two nodes would have.
        var senders = Enumerable.Range(0, 2).Select(_ => ActivatorUtilities.CreateInstance<MailOutboxSender>(factory.Services)).ToList();

        var sent = await Task.WhenAll(senders.Select(async sender =>
        {
            var total = 0;
            for (int n; (n = await sender.SendDueAsync(Cancel)) > 0;)
                total += n;
            return total;
        }));

        Assert.Equal(45, sent.Sum());
        var ids = smtp.Received.Select(m => m.Headers["X-Kaoping-Mail"]).ToList();
        Assert.Equal(45, ids.Count);
        Assert.Equal(45, ids.Distinct().Count());
        Assert.Equal(45, await factory.WithDbAsync(db => db.OutgoingMail.CountAsync(m => m.State == MailState.Sent && m.Attempts == 1, Cancel)));
    }

    [Fact]
    public async Task TheBackgroundSender_SendsTheQueueWithoutBeingAsked()
    {
        await using var smtp = await TestSmtpServer.StartedAsync();
        using var factory = MailingOffice(DatabaseProvider.Sqlite, smtp.Port, interval: "00:00:00.200");

        await ReturnedToDongchengAsync(factory, "dongcheng@xuchang.test");

        Assert.Equal("【考评】东城区的考评表被退回", Assert.Single(await smtp.WaitForAsync(1, TimeSpan.FromSeconds(20))).Subject);
    }

    [Fact]
    public async Task AnAddressThatIsNoAddress_IsRefused_AndNothingChanges()
    {
        using var factory = MailingOffice(DatabaseProvider.Sqlite, 25);
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var yuzhou = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == "yuzhou", Cancel));

        var response = await sysadmin.PutAsJsonAsync($"/api/users/{yuzhou.Id}",
            new { displayName = "禹州市填报员", roles = new[] { "reporter" }, targetId = yuzhou.TargetId, email = "yuzhou@" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("邮箱地址“yuzhou@”格式不正确", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Null((await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "yuzhou", Cancel))).Email);
    }

    internal static KaopingFactory MailingOffice(DatabaseProvider provider, int port, TimeProvider? clock = null, string interval = "01:00:00")
    {
        var factory = new KaopingFactory(provider) { Clock = clock };
        factory.Settings["Kaoping:Mail:Host"] = "127.0.0.1";
        factory.Settings["Kaoping:Mail:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Kaoping:Mail:Security"] = "None";
        factory.Settings["Kaoping:Mail:From"] = "安委办考评系统 <kaoping@xuchang.test>";
        factory.Settings["Kaoping:Mail:SendInterval"] = interval;
        factory.Settings["Kaoping:Mail:Timeout"] = "00:00:05";
        factory.Settings["Kaoping:PublicUrl"] = "https://kaoping.xuchang.test/";
        factory.Settings["Kaoping:Reminders:Enabled"] = "false";
        return factory;
    }

    private static MailOutboxSender Sender(KaopingFactory factory) => factory.Services.GetRequiredService<MailOutboxSender>();

    /// <summary>
    /// The system administrator adds 东城区's reporter with an address (by the API); the reporter hands in the
    /// self-assessment and its team returns it with a comment. Every step must succeed, whatever the mail server does.
    /// </summary>
    private static async Task<int> ReturnedToDongchengAsync(KaopingFactory factory, string email, bool optOut = false)
    {
        var sysadmin = await factory.ClientAsAsync("sysadmin");
        var target = await factory.WithDbAsync(db => db.Targets.Where(t => t.Name == "东城区").Select(t => t.Id).SingleAsync(Cancel));
        var created = await sysadmin.PostAsJsonAsync("/api/users",
            new { userName = "dongcheng", displayName = "东城区填报员", password = "Initial#2026x", role = "reporter", targetId = target, email }, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(email, (await created.JsonAsync()).GetProperty("email").GetString());
        var first = await factory.ClientAsAsync("dongcheng", "Initial#2026x");
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsJsonAsync("/api/account/password",
            new { currentPassword = "Initial#2026x", newPassword = "Dcq#Reporter2026" }, Cancel)).StatusCode);
        var reporter = await factory.ClientAsAsync("dongcheng", "Dcq#Reporter2026");
        if (optOut)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await reporter.PutAsJsonAsync("/api/account/mail", new { optOut = true }, Cancel)).StatusCode);
            Assert.True((await (await reporter.GetAsync("/api/account/mail", Cancel)).JsonAsync()).GetProperty("optOut").GetBoolean());
        }
        var sheet = await factory.SheetIdAsync("东城区");
        Assert.Equal(HttpStatusCode.OK, (await reporter.PostAsJsonAsync($"/api/sheets/{sheet}/transitions",
            new { action = "submitSelfAssessment" }, Cancel)).StatusCode);
        var assessor = await factory.ClientAsAsync("assessor2");
        Assert.Equal(HttpStatusCode.OK, (await assessor.PostAsJsonAsync($"/api/sheets/{sheet}/transitions",
            new { action = "returnSelfAssessment", comment = Comment }, Cancel)).StatusCode);
        return sheet;
    }
}
