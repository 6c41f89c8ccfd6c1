using System.Buffers;
using System.Security.Cryptography;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace AseanJapanNews.Web.Caching;

/// <summary>
/// HTTP validators for reader pages: a weak ETag from the rendered bytes (weak, because the same page is also
/// sent compressed) and a 304 when the reader already has it. Responses served from the output cache keep the
/// stored ETag, and the output cache answers If-None-Match itself, so this runs only when a page is rendered.
/// HEAD is treated as GET: link checkers and feed readers revalidate with it.
/// </summary>
/// <remarks>
/// The page is held in pooled blocks: a MemoryStream doubled its array up to twice the page's size for every
/// rendered page, and clearing that fresh memory was the largest libc cost in the profile.
/// </remarks>
public sealed class ReaderValidators(RequestDelegate next)
{
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 64 * 1024,
        // At most this much stays pooled while idle; blocks beyond it are left to the garbage collector.
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 16 * 1024 * 1024,
    });

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (!ReaderContent.IsReaderPage(context) || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = Buffers.GetStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = WeakETag(buffer.GetReadOnlySequence());
            context.Response.Headers.ETag = etag;
            if (IfNoneMatch(context.Request, etag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.ContentLength = null;
                context.Response.Headers.ContentType = default;
                return;
            }
        }
        context.Response.ContentLength = buffer.Length;
        // HEAD gets the headers GET would get (the page is rendered to know its ETag and length), not the bytes.
        if (HttpMethods.IsHead(method))
        {
            return;
        }
        foreach (var block in buffer.GetReadOnlySequence())
        {
            await original.WriteAsync(block, context.RequestAborted);
        }
    }

    private static string WeakETag(ReadOnlySequence<byte> bytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var block in bytes)
        {
            sha.AppendData(block.Span);
        }
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return $"W/\"{Convert.ToHexStringLower(hash[..16])}\"";
    }

    private static bool IfNoneMatch(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }
        var tag = new EntityTagHeaderValue(etag[2..], isWeak: true);
        return EntityTagHeaderValue.TryParseList(header, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false));
    }
}
