using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Identity;
using Kaoping.Json;
using Kaoping.Web;
using Kaoping.Web.Api;
using Kaoping.Web.Components;
using Kaoping.Web.Deployment;
using Kaoping.Web.Services;
using Kaoping.Web.Services.Accounts;
using Kaoping.Web.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Scalar.AspNetCore;

// A failed start is one line naming the setting or path and the cause, and a non-zero exit: no stack trace.
AppDomain.CurrentDomain.UnhandledException += StartupFailure.Report;
FileModes.OwnerOnlyFromNowOn();
var builder = WebApplication.CreateBuilder(args);

var options = builder.Configuration.GetSection(KaopingOptions.Section).Get<KaopingOptions>() ?? new KaopingOptions();
var (dataDirectory, provider, connectionString) = StartupChecks.Run(builder.Configuration, builder.Environment, options);
var proxies = KnownProxies.Read(builder.Configuration);
FileModes.Tighten(dataDirectory);
// Demo data and users only when asked for, or in Development on the embedded database (the README's first run).
var demo = options.Demo.Enabled ?? (provider == DatabaseProvider.Sqlite && builder.Environment.IsDevelopment());
builder.Services.Configure<KaopingOptions>(builder.Configuration.GetSection(KaopingOptions.Section));
builder.Services.AddSingleton(new Instance(provider, demo, dataDirectory, ShowsDemoPassword: demo && builder.Environment.IsDevelopment()));
builder.Services.AddSingleton<SetupCode>();
builder.Services.AddKaopingDatabase(provider, connectionString);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddKaopingDataProtection(builder.Configuration, builder.Environment);

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
    .AddIdentityCookies();
builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
    .PostConfigure(o => o.BearerTokenProtector = new KeptBearerTickets(o.BearerTokenProtector));
builder.Services.AddKaopingIdentityCore()
    .AddSignInManager()
    .AddDefaultTokenProviders();
// The cookie's own stamp check renews its principal: the session it names goes with it.
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = c =>
{
    if (c.CurrentPrincipal?.FindFirst(AccountClaims.Session) is { } session && c.NewPrincipal?.Identities.FirstOrDefault() is { } identity)
        identity.AddClaim(new System.Security.Claims.Claim(session.Type, session.Value));
    return Task.CompletedTask;
});
builder.Services.AddSingleton<AccountStates>();
builder.Services.AddSingleton<AccountClaims>();
builder.Services.AddSingleton<IClaimsTransformation>(s => s.GetRequiredService<AccountClaims>());
builder.Services.AddSingleton<SignInLimits>();
builder.Services.AddSignInRateLimits(options.Security);
builder.Services.AddSingleton<DummyPassword>();
builder.Services.AddScoped<SignInService>();
builder.Services.AddScoped<UserAccounts>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.AccessDeniedPath = "/account/denied";
    o.ExpireTimeSpan = TimeSpan.FromHours(10);
    // The API answers 401/403 instead of redirecting to the login page.
    o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
});
// Roles are the user's current roles (AccountClaims replaces those of the cookie or token); a password change due
// leaves only the change itself and signing out.
builder.Services.AddAuthorizationBuilder()
    .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(NoPasswordChangeDue).Build())
    .AddPolicy(Auth.ApiPolicy, p => p.AddAuthenticationSchemes(Auth.ApiSchemes).RequireAuthenticatedUser().RequireAssertion(NoPasswordChangeDue))
    .AddPolicy(Auth.AdminPolicy, p => p.AddAuthenticationSchemes(Auth.ApiSchemes).RequireRole(Roles.Admin))
    .AddPolicy(Auth.SystemAdminPolicy, p => p.AddAuthenticationSchemes(Auth.ApiSchemes).RequireRole(Roles.SystemAdmin))
    .AddPolicy(Auth.SignedInPolicy, p => p.AddAuthenticationSchemes(Auth.ApiSchemes).RequireAuthenticatedUser())
    .AddPolicy(Auth.PasswordPagePolicy, p => p.RequireAuthenticatedUser());
builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, RefusedSessions>();
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddScoped<AuthenticationStateProvider, CurrentAccountRevalidation>();
builder.Services.AddScoped<CircuitHandler, SessionActivity>();
// Messages at the bottom: the sheet's action buttons sit at the top right.
builder.Services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemAnswers.AddRequestId);
builder.Services.ConfigureHttpJsonOptions(o => KaopingJson.Configure(o.SerializerOptions));

builder.Services.AddMemoryCache();
builder.Services.AddSingleton<RubricCache>();
builder.Services.AddScoped<RubricLibrary>();
builder.Services.AddScoped<Callers>();
builder.Services.AddScoped<SheetService>();
builder.Services.AddScoped<EvidenceService>();
builder.Services.AddScoped<AppealService>();
builder.Services.AddSingleton<EvidenceStore>();
builder.Services.AddSingleton<SheetEvents>();
// On PostgreSQL the nodes of one database tell each other of saved sheets and changed users (LISTEN/NOTIFY).
builder.Services.AddSingleton(new Kaoping.Web.Services.Nodes.NodeConnection(connectionString));
builder.Services.AddSingleton<Kaoping.Web.Services.Nodes.NodeMessages>();
builder.Services.AddHostedService(s => s.GetRequiredService<Kaoping.Web.Services.Nodes.NodeMessages>());
builder.Services.AddSingleton<Kaoping.Web.Services.Nodes.NodeListener>();
builder.Services.AddHostedService(s => s.GetRequiredService<Kaoping.Web.Services.Nodes.NodeListener>());
builder.Services.AddSingleton<OfficeCalendar>();
builder.Services.AddSingleton<DatabaseReadiness>();
builder.Services.AddScoped<CampaignService>();
builder.Services.AddScoped<CampaignBoards>();
builder.Services.AddScoped<SheetTallies>();
builder.Services.AddSingleton<Kaoping.Web.Services.Results.KeptResults>();
builder.Services.AddScoped<CampaignEditor>();
builder.Services.AddScoped<CampaignAudit>();
builder.Services.AddScoped<BulkTransitions>();
builder.Services.AddScoped<SheetCorrections>();
builder.Services.AddScoped<NotApplicableMarks>();
builder.Services.AddSingleton<Notifier>();
builder.Services.AddSingleton<NotificationService>();
builder.Services.AddSingleton<Kaoping.Web.Services.Mail.MailComposer>();
builder.Services.AddSingleton<Kaoping.Web.Services.Mail.MailOutboxSender>();
builder.Services.AddSingleton<DeadlineReminders>();
builder.Services.AddSingleton<Kaoping.Web.Services.Mail.AccountMail>();
builder.Services.AddHostedService<Kaoping.Web.Services.Mail.MailSenderService>();
builder.Services.AddHostedService<ReminderService>();
builder.Services.AddScoped<Kaoping.Web.Services.Work.MyWork>();
builder.Services.AddScoped<Kaoping.Web.Services.Results.ResultsService>();
builder.Services.AddSingleton<Kaoping.Web.Services.Schemes.SchemeCache>();
builder.Services.AddScoped<Kaoping.Web.Services.Schemes.SchemeLibrary>();
builder.Services.AddScoped<Kaoping.Web.Services.Results.CampaignSchemeSource>();
builder.Services.AddScoped<Kaoping.Web.Services.Results.AdjustmentService>();
builder.Services.AddScoped<Kaoping.Web.Services.Accidents.AccidentService>();
builder.Services.AddScoped<AdminService>();
builder.Services.AddScoped<TargetImport>();
builder.Services.AddScoped<UserImport>();
builder.Services.AddSingleton<SecurityEventFlood>();
builder.Services.AddSingleton<SecurityLog>();
builder.Services.AddSingleton<AuditCheck>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddKaopingHealth();
builder.AddKaopingTelemetry();

var app = builder.Build();

// The database is ready before the server starts: PostgreSQL checked to be up to date, the embedded one migrated and
// seeded. Data Protection reads its key ring (kept in the database) as the host starts, and every page needs it.
var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
await PrepareAsync();

app.Lifetime.ApplicationStarted.Register(() => AppDomain.CurrentDomain.UnhandledException -= StartupFailure.Report);
app.UseKnownProxies(proxies);
app.UseMiddleware<SecurityHeaders>();
// No stack trace to any client in any environment: problem details with a request id for the API, the error page otherwise.
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseWhen(c => ProblemAnswers.IsApi(c.Request.Path), api => api.UseExceptionHandler());
if (!app.Environment.IsDevelopment())
    app.UseHsts(); // sent over HTTPS only
app.UseStatusCodePages();
app.UseMiddleware<WaitForDatabase>();
app.UseMiddleware<RequestBodyLimit>();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<FirstRunSetup>();
app.UseAntiforgery();

app.MapStaticAssets();
// The API's description is for signed-in users only: it maps every operation an attacker could try.
app.MapOpenApi().RequireAuthorization(Auth.ApiPolicy);
app.MapScalarApiReference("/api/reference", o => o.WithTitle("Kaoping API")).RequireAuthorization(Auth.ApiPolicy);
app.MapAuthApi();
app.MapRubricsApi();
app.MapCampaignsApi();
app.MapResultsApi();
app.MapSchemesApi();
app.MapAccidentsApi();
app.MapSheetsApi();
app.MapNotificationsApi();
app.MapMyWorkApi();
app.MapAdminApi();
app.MapSecurityLogApi();
app.MapUsersApi();
app.MapAccountApi();
app.MapAccountEndpoints();
app.MapKaopingHealth();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null); // SecurityHeaders sets the whole policy

app.Run();

async Task PrepareAsync()
{
    var preparing = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        await Task.Run(() => Startup.PrepareDatabaseAsync(app.Services, provider, demo, options.Demo.Password));
        app.Logger.LogInformation("Database ready in {Milliseconds} ms", preparing.ElapsedMilliseconds);
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.EvidenceDirectory))
        {
            app.Logger.LogWarning("Kaoping:EvidenceDirectory 未设置：佐证材料存于本节点的 {Directory}；多个节点须设为共同挂载的同一目录 / "
                + "not set: evidence is kept on this node only; several nodes need one shared directory", Path.Combine(dataDirectory, "evidence"));
        }
        await LogSetupCodeAsync();
        readiness.Succeeded();
    }
    catch (Exception error)
    {
        var failure = StartupFailure.OfDatabase(error, provider, connectionString);
        app.Logger.LogCritical(failure.InnerException is null ? error : null, "{Failure}", failure.Message);
        readiness.Failed(failure);
        throw failure;
    }
}

// Until there is an administrator, the first-run page asks for the code printed here.
async Task LogSetupCodeAsync()
{
    await using var scope = app.Services.CreateAsyncScope();
    if (!await scope.ServiceProvider.GetRequiredService<AdminService>().AnyAdministratorAsync())
    {
        app.Logger.LogWarning("首次设置码 / first-run setup code: {SetupCode} — 在 /setup 创建第一个管理员时需要 / needed at /setup to create the first administrator",
            app.Services.GetRequiredService<SetupCode>().Value);
    }
}

static bool NoPasswordChangeDue(AuthorizationHandlerContext context) => !context.User.HasClaim(c => c.Type == AccountClaims.MustChangePassword);

static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context,
    int status)
{
    // The API reference is a page people open: it sends them to sign in like any other page.
    var path = context.Request.Path;
    if ((path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/reference")) || path.StartsWithSegments("/openapi"))
        context.Response.StatusCode = status;
    else
        context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

public partial class Program;
