using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace AseanJapanNews.Tests.TestSupport;

/// <summary>
/// The Serilog events of one test app, as an operator would read them (register it as the app's ILogEventSink).
/// </summary>
/// <remarks>
/// A class of its own, never the app factory: Serilog disposes the sinks it was given when a logger closes, and
/// with the factory as the sink, another test's host closing disposed this test's factory and its server mid-test.
/// </remarks>
public sealed class SerilogEvents : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
