using System.Net;
using System.Net.Http.Json;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Web.Services;
using Kaoping.Web.Tests.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Mail;

/// <summary>Deadline reminders on a clock the test moves: 3 days, 1 day, overdue, each once; extensions respected (issue 16, item 4).</summary>
public class DeadlineRemindersTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Noon in the office's time zone (Asia/Shanghai), so that moving by whole days never crosses midnight by accident.
    private static readonly DateTimeOffset s_noon = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheTeam_IsRemindedThreeDaysAndOneDayBefore_AndWhenOverdue_EachOnce(DatabaseProvider provider)
    {
        var clock = new ManualClock(s_noon);
        using var factory = Office(provider, clock);
        await OnlyTheAssessmentDueAsync(factory, new DateOnly(2026, 12, 5));
        var reminders = factory.Services.GetRequiredService<DeadlineReminders>();
        var assessing = await factory.WithDbAsync(db => db.Sheets.CountAsync(s => s.State == SheetState.Assessing, Cancel));

        Assert.Equal(assessing, await reminders.RunAsync(Cancel));
        Assert.Equal(0, await reminders.RunAsync(Cancel)); // a restart (or another node) repeats nothing
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await reminders.RunAsync(Cancel)); // 2 days left: the 3-day reminder was made
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(assessing, await reminders.RunAsync(Cancel));
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(assessing, await reminders.RunAsync(Cancel));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await reminders.RunAsync(Cancel)); // overdue is said once

        var sheet = await factory.SheetIdAsync("禹州市");
        var assessor1 = await TextsAsync(factory, "assessor1", sheet);
        Assert.Equal(["禹州市的考评表还有3天截止（2026-12-05）。", "禹州市的考评表还有1天截止（2026-12-05）。",
            "禹州市的考评表已逾期1天（截止日期2026-12-05）。"], assessor1);
        Assert.Equal(assessor1, await TextsAsync(factory, "assessor3", sheet));
        Assert.Empty(await TextsAsync(factory, "assessor2", sheet));
        // The office is told of the overdue sheet too: it may extend or skip.
        Assert.Equal(["禹州市的考评表已逾期1天（截止日期2026-12-05）。"], await TextsAsync(factory, "admin", sheet));
        var kinds = await factory.WithDbAsync(db => db.Notifications.Where(n => n.SheetId == sheet).Select(n => n.Kind).Distinct().ToListAsync(Cancel));
        Assert.Equal([NotificationKind.DeadlineSoon, NotificationKind.Overdue], kinds.Order());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnExtendedDeadline_IsTheOneRemindedOf(DatabaseProvider provider)
    {
        var clock = new ManualClock(s_noon);
        using var factory = Office(provider, clock);
        await OnlyTheAssessmentDueAsync(factory, new DateOnly(2026, 12, 3));
        var reminders = factory.Services.GetRequiredService<DeadlineReminders>();
        var sheet = await factory.SheetIdAsync("禹州市");
        await reminders.RunAsync(Cancel);
        Assert.Equal(["禹州市的考评表还有1天截止（2026-12-03）。"], await TextsAsync(factory, "assessor1", sheet));

        var admin = await factory.ClientAsAsync("admin");
        var extended = await admin.PostAsJsonAsync($"/api/sheets/{sheet}/deadline", new { until = "2026-12-12", reason = "考评组人员调整" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        clock.Advance(TimeSpan.FromDays(2)); // past the campaign's deadline, within the extension
        await reminders.RunAsync(Cancel);
        clock.Advance(TimeSpan.FromDays(5)); // 2026-12-09: 3 days before the extended deadline
        await reminders.RunAsync(Cancel);

        var texts = await TextsAsync(factory, "assessor1", sheet);
        Assert.DoesNotContain(texts, t => t.Contains("逾期", StringComparison.Ordinal));
        Assert.Equal("禹州市的考评表还有3天截止（2026-12-12）。", texts[^1]);
        var other = await factory.SheetIdAsync("长葛市"); // not extended: overdue
        Assert.Contains(await TextsAsync(factory, "assessor1", other), t => t.StartsWith("长葛市的考评表已逾期", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoNodesAtOnce_RemindOnce(DatabaseProvider provider)
    {
        var clock = new ManualClock(s_noon);
        using var factory = Office(provider, clock);
        await OnlyTheAssessmentDueAsync(factory, new DateOnly(2026, 12, 4));
        var nodes = Enumerable.Range(0, 3).Select(_ => ActivatorUtilities.CreateInstance<DeadlineReminders>(factory.Services)).ToList();

        var made = await Task.WhenAll(nodes.Select(n => n.RunAsync(Cancel)));

        var assessing = await factory.WithDbAsync(db => db.Sheets.CountAsync(s => s.State == SheetState.Assessing, Cancel));
        Assert.Equal(assessing, made.Sum());
        Assert.Single(await TextsAsync(factory, "assessor1", await factory.SheetIdAsync("禹州市")));
        Assert.Equal(assessing, await factory.WithDbAsync(db => db.ReminderKeys.CountAsync(Cancel)));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheBackgroundService_RemindsAtItsInterval(DatabaseProvider provider)
    {
        using var factory = Office(provider, new ManualClock(s_noon), interval: "00:00:00.200");
        await OnlyTheAssessmentDueAsync(factory, new DateOnly(2026, 12, 2));
        var sheet = await factory.SheetIdAsync("禹州市");

        var until = DateTime.UtcNow.AddSeconds(20);
        while ((await TextsAsync(factory, "assessor1", sheet)).Count == 0 && DateTime.UtcNow < until)
            await Task.Delay(100, Cancel);

        Assert.Equal(["禹州市的考评表今天（2026-12-02）截止。"], await TextsAsync(factory, "assessor1", sheet));
    }

    private static KaopingFactory Office(DatabaseProvider provider, TimeProvider clock, string interval = "01:00:00")
    {
        var factory = new KaopingFactory(provider) { Clock = clock };
        factory.Settings["Kaoping:Reminders:Enabled"] = "true";
        factory.Settings["Kaoping:Reminders:Interval"] = interval;
        return factory;
    }

    /// <summary>Only the assessment stage has a deadline (the demo's self-assessment is overdue already).</summary>
    private static Task OnlyTheAssessmentDueAsync(KaopingFactory factory, DateOnly due) => factory.WithDbAsync(db =>
        db.Campaigns.ExecuteUpdateAsync(c => c.SetProperty(x => x.SelfAssessmentDue, (DateOnly?)null).SetProperty(x => x.AssessmentDue, due)
            .SetProperty(x => x.ReviewDue, (DateOnly?)null).SetProperty(x => x.ApprovalDue, (DateOnly?)null), Cancel));

    private static Task<List<string>> TextsAsync(KaopingFactory factory, string userName, int sheet) => factory.WithDbAsync(db =>
        db.Notifications.Where(n => n.SheetId == sheet && (n.Kind == NotificationKind.DeadlineSoon || n.Kind == NotificationKind.Overdue)
            && db.Users.Any(u => u.Id == n.UserId && u.UserName == userName)).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(Cancel));
}
