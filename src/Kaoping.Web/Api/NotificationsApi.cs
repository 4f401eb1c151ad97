using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

public sealed record NotificationOutput(long Id, string Kind, string Text, int? CampaignId, int? SheetId, DateTimeOffset At, bool Read);

/// <summary>The caller's notifications, newest first (at most 100), and how many are unread.</summary>
public sealed record NotificationsOutput(int Unread, IReadOnlyList<NotificationOutput> Items);

/// <summary>The caller's own notifications: list them, mark one read.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization(Auth.ApiPolicy).RequireCaller();
        api.MapGet("/", List).WithSummary("The caller's notifications, newest first (unread=true for the unread only): {\"unread\",\"items\":[…]}.");
        api.MapPost("/{id:long}/read", Read).RequireAntiforgeryForCookies().WithSummary("Mark one of the caller's notifications read (204); another's is 404.");
        return routes;
    }

    private static async Task<IResult> List(bool? unread, ApiCaller caller, NotificationService notifications, CancellationToken cancel)
    {
        var list = await notifications.ListAsync(caller.Caller.UserId, unread ?? false, NotificationService.MaxListed, cancel);
        return TypedResults.Ok(new NotificationsOutput(list.Unread, [.. list.Items.Select(n => new NotificationOutput(n.Id, Names.CamelCase(n.Kind.ToString()),
            caller.English ? n.TextEn : n.Text, n.CampaignId, n.SheetId, n.At, n.ReadAt is not null))]));
    }

    private static async Task<IResult> Read(long id, ApiCaller caller, NotificationService notifications, CancellationToken cancel) =>
        await notifications.MarkReadAsync(caller.Caller.UserId, id, cancel) ? TypedResults.NoContent() : TypedResults.NotFound();
}
