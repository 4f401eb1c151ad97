using Microsoft.AspNetCore.Http;

namespace Kaoping.Web.Tests;

public class StartupTests
{
    private static (Task Handled, Func<bool> Reached) Run(DatabaseReadiness readiness, string method, string path)
    {
        var reached = false;
        var middleware = new WaitForDatabase(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return (middleware.InvokeAsync(context, readiness), () => reached);
    }

    [Theory]
    [InlineData("GET", "/_framework/blazor.web.js")]
    [InlineData("GET", "/app.css")]
    [InlineData("GET", "/health/live")]
    public async Task StaticFiles_AndHealth_DoNotWaitForTheDatabase(string method, string path)
    {
        var readiness = new DatabaseReadiness();

        var (handled, reached) = Run(readiness, method, path);
        await handled;

        Assert.True(reached());
        Assert.False(readiness.Ready.IsCompleted);
    }

    [Theory]
    [InlineData("POST", "/account/login")]
    [InlineData("GET", "/account/login")] // its antiforgery token needs the Data Protection keys, kept in the database
    [InlineData("GET", "/")]
    [InlineData("PUT", "/api/sheets/1/items/1.1.2/findings")]
    public async Task EverythingElse_WaitsUntilTheDatabaseIsReady(string method, string path)
    {
        var readiness = new DatabaseReadiness();

        var (handled, reached) = Run(readiness, method, path);
        Assert.False(reached());
        readiness.Succeeded();
        await handled;

        Assert.True(reached());
    }

    [Fact]
    public async Task AFailedPreparation_FailsTheRequestsThatWaited()
    {
        var readiness = new DatabaseReadiness();

        var (handled, reached) = Run(readiness, "GET", "/campaigns");
        readiness.Failed(new InvalidOperationException("disk full"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => handled);
        Assert.False(reached());
    }
}
