using Microsoft.AspNetCore.Diagnostics;

namespace AseanJapanNews.Web;

/// <summary>
/// A reader who closes the tab mid-request cancels <see cref="HttpContext.RequestAborted"/>, and whatever awaited it
/// throws. That is no fault of the site: the request ends as 499 (which nobody receives), so the request log says
/// what happened instead of logging an error with a stack trace and rendering an error page for no one.
/// </summary>
public sealed class ClientClosedRequest(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            }
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }
        }
    }
}
