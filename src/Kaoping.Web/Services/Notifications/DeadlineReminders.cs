using System.Globalization;
using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services;

/// <summary>
/// Reminds the people a sheet waits for of its stage's deadline (the sheet's own when extended): 3 days before, 1 day
/// before (or on the day), and once overdue — each once per sheet, state and deadline. The key is inserted first
/// (insert-or-ignore on its primary key) in the transaction that adds the notifications: whoever inserts it makes them,
/// so restarts and other nodes never repeat a reminder, and an extension (a new deadline) reminds afresh.
/// </summary>
public sealed class DeadlineReminders(IDbContextFactory<KaopingDbContext> contexts, SqliteWriteGate gate, Notifier notifier, OfficeCalendar calendar,
    TimeProvider clock)
{
    private static readonly SheetState[] Waiting =
        [SheetState.NotStarted, SheetState.SelfAssessing, SheetState.SelfAssessed, SheetState.Assessing, SheetState.Assessed, SheetState.Reviewed];

    /// <summary>Makes the reminders due today; answers how many sheets were reminded of.</summary>
    public async Task<int> RunAsync(CancellationToken cancel = default)
    {
        var today = calendar.Today;
        List<Sheet> sheets;
        await using (var db = await contexts.CreateDbContextAsync(cancel))
        {
            sheets = await db.Sheets.AsNoTracking().Include(s => s.Campaign).Include(s => s.Target)
                .Where(s => Waiting.Contains(s.State)).OrderBy(s => s.Id).ToListAsync(cancel);
        }
        var made = 0;
        foreach (var sheet in sheets)
        {
            if (Reminder.For(sheet, today) is { } reminder && await RemindAsync(sheet, reminder, cancel))
                made++;
        }
        return made;
    }

    private async Task<bool> RemindAsync(Sheet sheet, Reminder reminder, CancellationToken cancel)
    {
        await using var db = await contexts.CreateDbContextAsync(cancel);
        return db.Database.IsSqlite()
            ? await gate.HoldAsync(() => WriteAsync(db, sheet, reminder, cancel), cancel)
            : await WriteAsync(db, sheet, reminder, cancel);
    }

    private async Task<bool> WriteAsync(KaopingDbContext db, Sheet sheet, Reminder reminder, CancellationToken cancel)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancel);
        var keys = db.Model.FindEntityType(typeof(ReminderKey))!;
        var table = StoreObjectIdentifier.Table(keys.GetTableName()!, keys.GetSchema());
        string Column(string property) => keys.FindProperty(property)!.GetColumnName(table)!;
        var sql = $"INSERT INTO \"{table.Name}\" (\"{Column(nameof(ReminderKey.Key))}\", \"{Column(nameof(ReminderKey.At))}\") VALUES ({{0}}, {{1}}) "
            + "ON CONFLICT DO NOTHING";
        if (await db.Database.ExecuteSqlRawAsync(sql, [reminder.Key, clock.GetUtcNow()], cancel) == 0)
            return false;
        var moved = SheetMoved.Of(sheet, SheetAction.StartSelfAssessment, null);
        var notes = reminder.Audiences(sheet.State).Select(a => (moved, a, reminder.Kind, reminder.Text(sheet.Target?.Name ?? "")));
        await notifier.AddAsync(db, notes, cancel);
        await transaction.CommitAsync(cancel);
        return true;
    }
}

/// <summary>Which reminder a sheet is due today, if any: by days left to its stage's deadline.</summary>
internal sealed record Reminder(string Key, NotificationKind Kind, int DaysLeft, DateOnly Due)
{
    public static Reminder? For(Sheet sheet, DateOnly today)
    {
        if (sheet.Campaign is not { } campaign || sheet.DeadlinesIn(campaign).DueFor(sheet.State) is not { } due)
            return null;
        var left = due.DayNumber - today.DayNumber;
        var (name, kind) = left switch
        {
            < 0 => ("overdue", NotificationKind.Overdue),
            <= 1 => ("due1", NotificationKind.DeadlineSoon),
            <= 3 => ("due3", NotificationKind.DeadlineSoon),
            _ => ((string?)null, NotificationKind.DeadlineSoon),
        };
        if (name is null)
            return null;
        var key = string.Create(CultureInfo.InvariantCulture, $"{name}:{sheet.Id}:{sheet.State}:{due:yyyy-MM-dd}");
        return new Reminder(key, kind, left, due);
    }

    /// <summary>Who the sheet waits for in its state; an overdue sheet is the office's concern too (it may extend or skip).</summary>
    public IEnumerable<Notifier.Audience> Audiences(SheetState state)
    {
        var waiting = state switch
        {
            SheetState.SelfAssessing => Notifier.Audience.Reporters,
            SheetState.SelfAssessed or SheetState.Assessing => Notifier.Audience.Team,
            _ => Notifier.Audience.Office,
        };
        yield return waiting;
        if (Kind == NotificationKind.Overdue && waiting != Notifier.Audience.Office)
            yield return Notifier.Audience.Office;
    }

    public LocalizedText Text(string target)
    {
        var day = Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return DaysLeft switch
        {
            < 0 => LocalizedText.Format("{0}的考评表已逾期{1}天（截止日期{2}）。", "The sheet of {0} is {1} days overdue (due {2}).", target, -DaysLeft, day),
            0 => LocalizedText.Format("{0}的考评表今天（{1}）截止。", "The sheet of {0} is due today ({1}).", target, day),
            _ => LocalizedText.Format("{0}的考评表还有{1}天截止（{2}）。", "The sheet of {0} is due in {1} days ({2}).", target, DaysLeft, day),
        };
    }
}

/// <summary>Runs <see cref="DeadlineReminders"/> every <c>Kaoping:Reminders:Interval</c>.</summary>
public sealed class ReminderService(DeadlineReminders reminders, IOptions<KaopingOptions> options, TimeProvider clock, DatabaseReadiness readiness,
    ILogger<ReminderService> log) : Mail.PeriodicWork(clock, readiness, log)
{
    protected override TimeSpan Interval => options.Value.Reminders.Interval;

    protected override bool Enabled => options.Value.Reminders.Enabled;

    protected override Task RunOnceAsync(CancellationToken cancel) => reminders.RunAsync(cancel);
}
