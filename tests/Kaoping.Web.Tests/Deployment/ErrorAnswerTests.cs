using System.Net;
using System.Text.Json;
using Kaoping.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Kaoping.Web.Tests.Deployment;

/// <summary>No stack trace to any client in any environment (issue 13 item 8): problem details with a request id, or the error page.</summary>
public class ErrorAnswerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Requests that no endpoint takes end in a failure that carries a secret in its message and stack.</summary>
    private sealed class Failing : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(_ => throw new InvalidOperationException("secret-detail-42"));
        };
    }

    private static HttpClient Client(KaopingFactory factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, Failing>()))
            .CreateClient(new() { AllowAutoRedirect = false });

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task AnApiFailure_IsProblemDetailsWithARequestId_AndNothingOfTheException(string environment)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite, environment: environment);
        await factory.ReadyAsync();

        var response = await Client(factory).GetAsync("/api/no-such-operation/fails", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret-detail-42", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
        var traceId = JsonDocument.Parse(body).RootElement.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task APageFailure_IsTheErrorPage_AndNothingOfTheException(string environment)
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite, environment: environment);
        await factory.ReadyAsync();

        var response = await Client(factory).GetAsync("/no-such-page/fails", Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("出错了", body);
        Assert.Contains("请求编号", body);
        Assert.DoesNotContain("secret-detail-42", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task AnApiRefusal_CarriesARequestIdToo()
    {
        using var factory = new KaopingFactory(DatabaseProvider.Sqlite);
        await factory.ReadyAsync();

        var response = await factory.CreateClient().PostAsync("/api/auth/login",
            new StringContent("""{"userName":"admin","password":"wrong"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.TryGetProperty("traceId", out _));
    }
}
