using System.Globalization;
using AseanJapanNews.Web.Data;
using AseanJapanNews.Web.Models;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AseanJapanNews.Web.Controllers;

/// <summary>Health check and the error pages the pipeline re-executes into.</summary>
public sealed class SystemController(NewsDbContext db, ILogger<SystemController> logger) : Controller
{
    [HttpGet("/healthz")]
    public async Task<IActionResult> Health(CancellationToken ct)
    {
        bool reachable;
        try
        {
            reachable = await db.Database.CanConnectAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Health check: database unreachable");
            reachable = false;
        }
        return reachable
            ? Ok(new { status = "ok", database = "reachable" })
            : StatusCode(StatusCodes.Status503ServiceUnavailable, new { status = "unhealthy", database = "unreachable" });
    }

    /// <summary>
    /// Re-executed with the failed request's method and body, so it takes no bound parameter: MVC binds from the
    /// form first, and a form too large to read turned every error page (code 0) into a 500.
    /// </summary>
    [Route("/error/{code:int}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public async Task<IActionResult> Error()
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}", failure.Path);
        }
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 500;
        var page = code is 400 or 413 && await FormTooLargeAsync() ? TooLarge : code switch
        {
            404 => new ErrorPage(404, "Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã bị gỡ."),
            400 => new ErrorPage(400, "Yêu cầu không hợp lệ", "Địa chỉ hoặc tham số của yêu cầu không hợp lệ."),
            405 => new ErrorPage(405, "Phương thức không được hỗ trợ", "Trang này không nhận kiểu yêu cầu đó."),
            // Sign-in is the only rate-limited address (RequestPipeline.LoginRateLimit).
            429 => new ErrorPage(429, "Quá nhiều lần thử", "Quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau một phút."),
            >= 400 and < 500 => new ErrorPage(code, "Yêu cầu không thực hiện được", "Máy chủ không thể xử lý yêu cầu này."),
            _ => new ErrorPage(500, "Đã có lỗi xảy ra", "Xin lỗi, máy chủ gặp sự cố. Vui lòng thử lại sau ít phút."),
        };
        Response.StatusCode = page.StatusCode;
        return View("Error", page);
    }

    private static readonly ErrorPage TooLarge = new(413, "Nội dung quá lớn",
        "Văn bản gửi lên quá lớn nên máy chủ không nhận (bài viết tối đa 200.000 ký tự, văn bản thô để nhập tối đa 1 MB). " +
        "Bấm nút Quay lại của trình duyệt: nội dung bạn nhập vẫn còn ở trang đó; hãy rút ngắn rồi gửi lại.");

    /// <summary>
    /// Whether the request's form could not be read for its size. The form reader keeps its outcome, so for a form
    /// that antiforgery or model binding already gave up on this reads nothing again: it finds why (a value over the
    /// 4 MB form limit, or a body over the action's request size limit).
    /// </summary>
    private async Task<bool> FormTooLargeAsync()
    {
        if (!Request.HasFormContentType)
        {
            return false;
        }
        try
        {
            await Request.ReadFormAsync(HttpContext.RequestAborted);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
        catch (IOException e)
        {
            return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
        }
    }
}
