using Mariachi.Logging;
using Microsoft.Extensions.Logging;

namespace Mariachi.Abstractions.Tests.Logging;

public sealed class ContextLoggerTests
{
    [Fact]
    public void Every_entry_is_inside_a_scope_with_the_context_identifiers()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));
        var context = Context.Create("tenant-1", "user-1", factory.CreateLogger("orders")).WithProcedure("orders.create");

        context.Logger.LogInformation("Order {OrderId} created", 42);
        context.Logger.LogWarning("Stock low");

        Assert.Equal(2, provider.Entries.Count);
        foreach (var entry in provider.Entries)
        {
            var scope = entry.ScopeValues;
            Assert.Equal(context.TraceId, scope["TraceId"]);
            Assert.Equal("tenant-1", scope["TenantId"]);
            Assert.Equal("user-1", scope["UserId"]);
            Assert.Equal("orders.create", scope["Procedure"]);
            Assert.Equal("orders", entry.Category);
        }

        Assert.Equal(["Order 42 created", "Stock low"], provider.Entries.Select(e => e.Message));
        Assert.Equal([LogLevel.Information, LogLevel.Warning], provider.Entries.Select(e => e.Level));
    }

    [Fact]
    public void Missing_identifiers_are_null_in_the_scope()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        var context = Context.Create(logger: factory.CreateLogger("test"));

        context.Logger.LogInformation("hello");

        var scope = Assert.Single(provider.Entries).ScopeValues;
        Assert.Equal(context.TraceId, scope["TraceId"]);
        Assert.True(scope.ContainsKey("TenantId"));
        Assert.Null(scope["TenantId"]);
        Assert.Null(scope["UserId"]);
        Assert.Null(scope["Procedure"]);
    }

    [Fact]
    public void The_scope_is_closed_after_the_entry()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        var inner = factory.CreateLogger("test");
        var context = Context.Create("tenant-1", logger: inner);

        context.Logger.LogInformation("inside");
        inner.LogInformation("outside");

        var entries = provider.Entries.ToArray();
        Assert.Equal("tenant-1", entries[0].ScopeValues["TenantId"]);
        Assert.Empty(entries[1].Scopes);
    }

    [Fact]
    public void Scopes_opened_by_the_caller_stay_around_the_context_scope()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        var context = Context.Create("tenant-1", logger: factory.CreateLogger("test"));

        using (context.Logger.BeginScope(new Dictionary<string, object?> { ["OrderId"] = 7 }))
        {
            context.Logger.LogInformation("with order");
        }

        var scope = Assert.Single(provider.Entries).ScopeValues;
        Assert.Equal(7, scope["OrderId"]);
        Assert.Equal("tenant-1", scope["TenantId"]);
    }

    [Fact]
    public void A_changed_context_logs_its_own_values()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        var original = Context.Create("tenant-1", "user-1", factory.CreateLogger("test"));
        original.Logger.LogInformation("warm up the cached logger");

        var changed = original.WithTenant("tenant-2").WithUser("user-2").WithProcedure("orders.cancel");
        changed.Logger.LogInformation("changed");
        original.Logger.LogInformation("original");

        var entries = provider.Entries.ToArray();
        Assert.Equal("tenant-2", entries[1].ScopeValues["TenantId"]);
        Assert.Equal("user-2", entries[1].ScopeValues["UserId"]);
        Assert.Equal("orders.cancel", entries[1].ScopeValues["Procedure"]);
        Assert.Equal("tenant-1", entries[2].ScopeValues["TenantId"]);
        Assert.Null(entries[2].ScopeValues["Procedure"]);
    }

    [Fact]
    public void A_WithProcedure_copy_logs_to_the_same_logger_with_its_own_procedure()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        var original = Context.Create("tenant-1", "user-1", factory.CreateLogger("orders"));
        original.Logger.LogInformation("warm up the cached logger");

        var create = original.WithProcedure("orders.create");
        var cancel = create.WithProcedure("orders.cancel");
        create.Logger.LogInformation("create");
        cancel.Logger.LogInformation("cancel");
        original.Logger.LogInformation("original");

        Assert.NotSame(original.Logger, create.Logger);
        var entries = provider.Entries.ToArray();
        Assert.Equal(["orders.create", "orders.cancel", null], entries[1..].Select(e => e.ScopeValues["Procedure"]));
        Assert.All(entries, e => Assert.Equal("orders", e.Category));
        Assert.All(entries, e => Assert.Equal(original.TraceId, e.ScopeValues["TraceId"]));
        Assert.All(entries, e => Assert.Equal("tenant-1", e.ScopeValues["TenantId"]));
        Assert.All(entries, e => Assert.Equal("user-1", e.ScopeValues["UserId"]));
    }

    [Fact]
    public void WithLogger_sends_entries_to_the_new_logger()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider));
        var context = Context.System("cleanup", "tenant-3").WithLogger(factory.CreateLogger("jobs"));

        context.Logger.LogError(new InvalidOperationException("boom"), "Cleanup failed");

        var entry = Assert.Single(provider.Entries);
        Assert.Equal("jobs", entry.Category);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Equal("tenant-3", entry.ScopeValues["TenantId"]);
        Assert.Equal(context.TraceId, entry.ScopeValues["TraceId"]);
    }

    [Fact]
    public void Disabled_levels_log_nothing()
    {
        var provider = new RecordingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Warning));
        var context = Context.Create("tenant-1", logger: factory.CreateLogger("test"));

        context.Logger.LogDebug("debug");
        context.Logger.LogInformation("info");

        Assert.Empty(provider.Entries);
        Assert.False(context.Logger.IsEnabled(LogLevel.Information));
        Assert.True(context.Logger.IsEnabled(LogLevel.Warning));

        context.Logger.LogWarning("warning");
        Assert.Equal("warning", Assert.Single(provider.Entries).Message);
    }

    [Fact]
    public void Disabled_levels_open_no_scope()
    {
        var inner = new CountingLogger(LogLevel.Warning);
        var context = Context.Create(logger: inner);

        context.Logger.LogInformation("ignored");

        Assert.Equal(0, inner.Scopes);
        Assert.Equal(0, inner.Entries);

        context.Logger.LogError("kept");

        Assert.Equal(1, inner.Scopes);
        Assert.Equal(1, inner.Entries);
    }

    [Fact]
    public void Without_a_logger_logging_is_a_no_op()
    {
        var context = Context.Create();

        context.Logger.LogCritical("nobody listens");

        Assert.False(context.Logger.IsEnabled(LogLevel.Critical));
    }

    [Fact]
    public void The_scope_state_lists_the_four_identifiers()
    {
        var context = Context.Create("tenant-1", "user-1").WithProcedure("orders.create");
        var state = new ContextLogger(context.InnerLogger, context);

        Assert.Equal(4, state.Count);
        Assert.Equal(
            [
                new KeyValuePair<string, object?>("TraceId", context.TraceId),
                new KeyValuePair<string, object?>("TenantId", "tenant-1"),
                new KeyValuePair<string, object?>("UserId", "user-1"),
                new KeyValuePair<string, object?>("Procedure", "orders.create"),
            ],
            state.ToList());
        Assert.Throws<ArgumentOutOfRangeException>(() => state[4]);
        Assert.Equal($"TraceId:{context.TraceId} TenantId:tenant-1 UserId:user-1 Procedure:orders.create", state.ToString());
    }

    private sealed class CountingLogger(LogLevel minimum) : ILogger
    {
        public int Scopes { get; private set; }

        public int Entries { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Scopes++;
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries++;
    }
}
