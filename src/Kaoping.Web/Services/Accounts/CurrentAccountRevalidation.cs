using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Kaoping.Web.Services.Accounts;

/// <summary>A page's live connection asks every few seconds whether its user and session still stand; if not, the page signs out.</summary>
public sealed class CurrentAccountRevalidation(ILoggerFactory logs, AccountClaims claims) : RevalidatingServerAuthenticationStateProvider(logs)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(10);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancel) =>
        await claims.CheckAsync(state.User, use: false, cancel) is { MustChangePassword: false };
}

/// <summary>Work in a page's live connection (clicks, typing) is use of the session: it does not idle out while someone works.</summary>
public sealed class SessionActivity(AuthenticationStateProvider authentication, AccountStates states) : CircuitHandler
{
    private string? _session;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancel)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        _session = state.User.FindFirst(AccountClaims.Session)?.Value;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            if (_session is { } session)
                states.Touch(session);
            return next(context);
        };
}
