using Kaoping.Text;
using Kaoping.Web.Api;
using Kaoping.Web.Services;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Kaoping.Web;

/// <summary>
/// The API's JSON bodies are small (an item's findings, a transition, a user): one over
/// <see cref="KaopingOptions.MaxJsonBodyBytes"/> is answered 413 before anything parses it. A body sent without a length
/// (chunked) is read up to the limit first. Uploads (multipart forms) keep their endpoints' own limits.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<KaopingOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || request.HasFormContentType
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }
        var limit = options.Value.MaxJsonBodyBytes;
        if (request.ContentLength > limit)
        {
            await TooLargeAsync(context, limit);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (request.ContentLength is null)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await TooLargeAsync(context, limit);
                    return;
                }
                buffer.Write(chunk, 0, read);
            }
            buffer.Position = 0;
            request.Body = buffer;
            context.Response.RegisterForDispose(buffer);
        }
        await next(context);
    }

    private static Task TooLargeAsync(HttpContext context, long limit)
    {
        var text = LocalizedText.Format("请求内容超过{0} KB的上限。", "The request body is larger than the {0} KB limit.", limit / 1024);
        return Results.Problem(text.In(context), statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
    }
}
