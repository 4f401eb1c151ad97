using Kaoping.Campaigns;
using Kaoping.Data;
using Kaoping.Data.Entities;
using Kaoping.Json;
using Kaoping.Web;
using Kaoping.Web.Api;
using Kaoping.Web.Components;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

var options = builder.Configuration.GetSection(KaopingOptions.Section).Get<KaopingOptions>() ?? new KaopingOptions();
var dataDirectory = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
Directory.CreateDirectory(dataDirectory);
var (provider, connectionString) = DatabaseSetup.Resolve(builder.Configuration, dataDirectory);
// Demo data and users only when asked for, or in Development on the embedded database (the README's first run).
var demo = options.Demo.Enabled ?? (provider == DatabaseProvider.Sqlite && builder.Environment.IsDevelopment());
builder.Services.Configure<KaopingOptions>(builder.Configuration.GetSection(KaopingOptions.Section));
builder.Services.AddSingleton(new Instance(provider, demo, dataDirectory, ShowsDemoPassword: demo && builder.Environment.IsDevelopment()));
builder.Services.AddSingleton<SetupCode>();
builder.Services.AddKaopingDatabase(provider, connectionString);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys"))).SetApplicationName("Kaoping");

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
    .AddIdentityCookies();
builder.Services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(IdentityConstants.BearerScheme)
    .PostConfigure(o => o.BearerTokenProtector = new KeptBearerTickets(o.BearerTokenProtector));
builder.Services.AddIdentityCore<KaopingUser>(o =>
    {
        o.Password.RequiredLength = 8;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Lockout.MaxFailedAccessAttempts = 10;
        o.User.RequireUniqueEmail = false;
    })
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<KaopingDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/login";
    o.AccessDeniedPath = "/account/denied";
    o.ExpireTimeSpan = TimeSpan.FromHours(10);
    // The API answers 401/403 instead of redirecting to the login page.
    o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
});
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Auth.ApiPolicy, p => p.AddAuthenticationSchemes(Auth.ApiSchemes).RequireAuthenticatedUser())
    .AddPolicy(Auth.AdminPolicy, p => p.AddAuthenticationSchemes(Auth.ApiSchemes).RequireRole(Roles.Admin));
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Messages at the bottom: the sheet's action buttons sit at the top right.
builder.Services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
builder.Services.AddOpenApi();
builder.Services.AddProblemDetails();
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
builder.Services.AddSingleton<OfficeCalendar>();
builder.Services.AddSingleton<DatabaseReadiness>();
builder.Services.AddScoped<CampaignService>();
builder.Services.AddScoped<Kaoping.Web.Services.Results.ResultsService>();
builder.Services.AddScoped<AdminService>();
builder.Services.AddScoped<DemoData>();

var app = builder.Build();

// PostgreSQL must be up to date before the app starts; the embedded database is prepared while the server starts.
var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
var preparation = PrepareAsync();
if (provider == DatabaseProvider.Postgres)
    await preparation;

app.UseMiddleware<SecurityHeaders>();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts(); // sent over HTTPS only
}
app.UseStatusCodePages();
app.UseMiddleware<WaitForDatabase>();
app.UseMiddleware<RequestBodyLimit>();
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
app.MapSheetsApi();
app.MapAdminApi();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null); // SecurityHeaders sets the whole policy

app.Run();

async Task PrepareAsync()
{
    var preparing = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        await Task.Run(() => Startup.PrepareDatabaseAsync(app.Services, provider, demo, options.Demo.Password));
        app.Logger.LogInformation("Database ready in {Milliseconds} ms", preparing.ElapsedMilliseconds);
        await LogSetupCodeAsync();
        readiness.Succeeded();
    }
    catch (Exception error)
    {
        app.Logger.LogCritical(error, "The database could not be prepared; the app stops.");
        readiness.Failed(error);
        if (provider == DatabaseProvider.Postgres)
            throw;
        app.Lifetime.StopApplication();
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
