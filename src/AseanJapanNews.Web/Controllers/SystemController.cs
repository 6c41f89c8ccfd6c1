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

    [Route("/error/{code:int}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error(int code)
    {
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is { } failure)
        {
            logger.LogError(failure.Error, "Unhandled error on {Path}", failure.Path);
        }
        var page = code switch
        {
            404 => new ErrorPage(404, "Không tìm thấy trang", "Trang bạn tìm không tồn tại hoặc đã bị gỡ."),
            400 => new ErrorPage(400, "Yêu cầu không hợp lệ", "Địa chỉ hoặc tham số của yêu cầu không hợp lệ."),
            405 => new ErrorPage(405, "Phương thức không được hỗ trợ", "Trang này không nhận kiểu yêu cầu đó."),
            >= 400 and < 500 => new ErrorPage(code, "Yêu cầu không thực hiện được", "Máy chủ không thể xử lý yêu cầu này."),
            _ => new ErrorPage(500, "Đã có lỗi xảy ra", "Xin lỗi, máy chủ gặp sự cố. Vui lòng thử lại sau ít phút."),
        };
        Response.StatusCode = page.StatusCode;
        return View("Error", page);
    }
}
