using Kaoping.Campaigns;
using Kaoping.Text;
using Kaoping.Web.Services;

namespace Kaoping.Web.Api;

/// <summary>
/// The signed-in caller of an API request, bound once for the endpoint that takes it: who they are now (read from the
/// database by <see cref="Callers"/>), their user name and the language of their messages. An endpoint group that
/// <see cref="RequireCaller"/> answers 404 to a user the database no longer knows, before any handler runs.
/// </summary>
public sealed record ApiCaller(Caller? Known, string UserName, Language Language)
{
    public Caller Caller => Known ?? throw new InvalidOperationException("The endpoint's group does not require a known caller.");

    public bool English => Language == Language.En;

    public string Text(LocalizedText text) => text.In(Language);

    public static async ValueTask<ApiCaller> BindAsync(HttpContext context)
    {
        var caller = await context.RequestServices.GetRequiredService<Callers>().FromAsync(context.User, context.RequestAborted);
        return new ApiCaller(caller, context.User.Identity?.Name ?? "", ApiText.LanguageOf(context));
    }
}

public static class CallerFilter
{
    /// <summary>404 for an endpoint of the group whose <see cref="ApiCaller"/> is not a known user (deleted, or without a role).</summary>
    public static RouteGroupBuilder RequireCaller(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
            context.Arguments.OfType<ApiCaller>().FirstOrDefault() is { Known: null } ? TypedResults.NotFound() : await next(context));
        return group;
    }
}
