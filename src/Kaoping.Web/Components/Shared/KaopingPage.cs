using Kaoping.Campaigns;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kaoping.Web.Components.Shared;

/// <summary>A page that knows its language and who is looking at it.</summary>
public abstract class KaopingPage : ComponentBase
{
    [CascadingParameter]
    protected Ui L { get; set; } = new("zh");

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    protected Callers Callers { get; set; } = default!;

    protected async Task<Caller?> CallerAsync()
    {
        if (AuthenticationState is null)
            return null;
        var state = await AuthenticationState;
        return await Callers.FromAsync(state.User);
    }

    protected async Task<string> UserNameAsync() =>
        AuthenticationState is null ? "" : (await AuthenticationState).User.Identity?.Name ?? "";
}
