using System.Globalization;
using Kaoping.Data.Entities;
using Microsoft.Extensions.Options;

namespace Kaoping.Web.Services.Mail;

/// <summary>The e-mail that tells of a notification: a Chinese subject naming the target, the notification's text and a link to the sheet.</summary>
public sealed class MailComposer(IOptions<KaopingOptions> options)
{
    public bool Enabled => options.Value.Mail.Configured;

    public OutgoingMail Compose(string userId, string to, NotificationKind kind, string target, string text, int? sheetId, DateTimeOffset now)
    {
        var link = Link(sheetId);
        var body = text + "\n\n"
            + (link is null ? "" : "查看考评表：" + link + "\n\n")
            + "——安全生产工作责任目标考评系统\n"
            + "此邮件由系统自动发送，请勿回复。不想接收邮件提醒，可在系统的“我的账号”页面关闭。\n";
        return new OutgoingMail
        {
            UserId = userId, To = to, Subject = Clip(Subject(kind, target), 200), Body = Clip(body, 4000), State = MailState.Pending,
            CreatedAt = now, NextAttemptAt = now,
        };
    }

    public static string Subject(NotificationKind kind, string target) => "【考评】" + target + kind switch
    {
        NotificationKind.Returned => "的考评表被退回",
        NotificationKind.Submitted => "的考评表待您处理",
        NotificationKind.Published => "的考评结果已公示",
        NotificationKind.AppealFiled => "提出了申诉",
        NotificationKind.AppealDecided => "的申诉已处理",
        NotificationKind.DeadlineSoon => "的考评表截止日期临近",
        NotificationKind.Overdue => "的考评表已逾期",
        NotificationKind.Corrected => "的考评安排有变更",
    };

    /// <summary>The sheet's address under <c>Kaoping:PublicUrl</c>; none without it (a mail never links to a guessed host).</summary>
    public string? Link(int? sheetId)
    {
        if (sheetId is not { } id || string.IsNullOrWhiteSpace(options.Value.PublicUrl))
            return null;
        return options.Value.PublicUrl.TrimEnd('/') + "/sheets/" + id.ToString(CultureInfo.InvariantCulture);
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}
