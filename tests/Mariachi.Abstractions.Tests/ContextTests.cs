using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mariachi.Abstractions.Tests;

public sealed class ContextTests
{
    private const string TraceIdPattern = "^[0-9a-f]{32}$";

    [Fact]
    public void Create_without_activity_makes_a_fresh_w3c_trace_id()
    {
        Activity.Current = null;

        var first = Context.Create();
        var second = Context.Create();

        Assert.Matches(TraceIdPattern, first.TraceId);
        Assert.Matches(TraceIdPattern, second.TraceId);
        Assert.NotEqual(new string('0', 32), first.TraceId);
        Assert.NotEqual(first.TraceId, second.TraceId);
    }

    [Fact]
    public void Create_inside_a_w3c_activity_uses_its_trace_id()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        var context = Context.Create("tenant-1", "user-1");

        Assert.Equal(activity.TraceId.ToHexString(), context.TraceId);
        Assert.Matches(TraceIdPattern, context.TraceId);
    }

    [Fact]
    public void Create_inside_an_activity_source_activity_uses_its_trace_id()
    {
        using var source = new ActivitySource("Mariachi.Abstractions.Tests." + nameof(ContextTests));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var activity = source.StartActivity("handle");

        Assert.NotNull(activity);
        Assert.Equal(ActivityIdFormat.W3C, activity.IdFormat);
        Assert.Equal(activity.TraceId.ToHexString(), Context.Create().TraceId);
    }

    [Fact]
    public void Create_inside_a_hierarchical_activity_makes_a_fresh_trace_id()
    {
        using var activity = new Activity("legacy").SetIdFormat(ActivityIdFormat.Hierarchical).Start();

        var first = Context.Create();
        var second = Context.Create();

        Assert.Matches(TraceIdPattern, first.TraceId);
        Assert.NotEqual(new string('0', 32), first.TraceId);
        Assert.NotEqual(first.TraceId, second.TraceId);
    }

    [Fact]
    public void Create_with_a_user_is_a_user_identity()
    {
        var context = Context.Create("tenant-1", "user-1");

        Assert.Equal("tenant-1", context.TenantId);
        Assert.Equal("user-1", context.UserId);
        Assert.Equal(IdentityTypes.User, context.IdentityType);
        Assert.Equal(ContextOrigin.Request, context.Origin);
        Assert.False(context.IsSystem);
        Assert.Null(context.Reason);
        Assert.Null(context.Procedure);
        Assert.Empty(context.Scopes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Create_without_a_user_is_anonymous(string? userId)
    {
        var context = Context.Create(tenantId: "", userId: userId);

        Assert.Null(context.UserId);
        Assert.Null(context.TenantId);
        Assert.Equal(IdentityTypes.Anonymous, context.IdentityType);
    }

    [Fact]
    public void System_records_the_reason_and_is_system()
    {
        Activity.Current = null;

        var context = Context.System("nightly invoice run");

        Assert.Equal("nightly invoice run", context.Reason);
        Assert.True(context.IsSystem);
        Assert.Equal(ContextOrigin.System, context.Origin);
        Assert.Equal(IdentityTypes.System, context.IdentityType);
        Assert.Null(context.TenantId);
        Assert.Null(context.UserId);
        Assert.Matches(TraceIdPattern, context.TraceId);
    }

    [Fact]
    public void System_with_a_tenant_acts_inside_it()
    {
        var context = Context.System("reindex", "tenant-7");

        Assert.Equal("tenant-7", context.TenantId);
        Assert.True(context.IsSystem);
    }

    [Fact]
    public void System_inside_an_activity_keeps_its_trace_id()
    {
        using var activity = new Activity("job").SetIdFormat(ActivityIdFormat.W3C).Start();

        Assert.Equal(activity.TraceId.ToHexString(), Context.System("job").TraceId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void System_with_a_blank_reason_throws(string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Context.System(reason));

        Assert.Equal("reason", error.ParamName);
    }

    [Fact]
    public void System_with_a_null_reason_throws()
    {
        Assert.Throws<ArgumentException>(() => Context.System(null!));
    }

    [Fact]
    public void Detached_starts_a_new_trace_even_inside_an_activity()
    {
        using var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start();

        var context = Context.Detached("fire-and-forget audit export");

        Assert.Matches(TraceIdPattern, context.TraceId);
        Assert.NotEqual(activity.TraceId.ToHexString(), context.TraceId);
        Assert.Equal("fire-and-forget audit export", context.Reason);
        Assert.Equal(ContextOrigin.Detached, context.Origin);
        Assert.False(context.IsSystem);
        Assert.Equal(IdentityTypes.Anonymous, context.IdentityType);
        Assert.Null(context.TenantId);
        Assert.Null(context.UserId);
    }

    [Fact]
    public void Two_detached_contexts_have_different_trace_ids()
    {
        Assert.NotEqual(Context.Detached("a").TraceId, Context.Detached("b").TraceId);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Detached_with_a_blank_reason_throws(string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => Context.Detached(reason));

        Assert.Equal("reason", error.ParamName);
    }

    [Fact]
    public void With_methods_leave_the_original_unchanged()
    {
        var original = Context.Create("tenant-1", "user-1");
        var traceId = original.TraceId;

        var changed = original
            .WithTenant("tenant-2")
            .WithUser("user-2")
            .WithScopes(["orders:read"])
            .WithSession("session-1")
            .WithServer("public-api")
            .WithProcedure("orders.create")
            .WithApiKey("key-1")
            .WithTraceId("0af7651916cd43dd8448eb211c80319c")
            .WithLogger(NullLogger.Instance);

        Assert.NotSame(original, changed);
        Assert.Equal(traceId, original.TraceId);
        Assert.Equal("tenant-1", original.TenantId);
        Assert.Equal("user-1", original.UserId);
        Assert.Equal(IdentityTypes.User, original.IdentityType);
        Assert.Empty(original.Scopes);
        Assert.Null(original.SessionId);
        Assert.Null(original.Server);
        Assert.Null(original.Procedure);
        Assert.Null(original.ApiKeyId);

        Assert.Equal("0af7651916cd43dd8448eb211c80319c", changed.TraceId);
        Assert.Equal("tenant-2", changed.TenantId);
        Assert.Equal("user-2", changed.UserId);
        Assert.Equal(IdentityTypes.ApiKey, changed.IdentityType);
        Assert.Equal(["orders:read"], changed.Scopes);
        Assert.Equal("session-1", changed.SessionId);
        Assert.Equal("public-api", changed.Server);
        Assert.Equal("orders.create", changed.Procedure);
        Assert.Equal("key-1", changed.ApiKeyId);
    }

    [Fact]
    public void Each_with_method_returns_a_new_instance()
    {
        var original = Context.Create("tenant-1", "user-1");

        Assert.NotSame(original, original.WithTenant("tenant-1"));
        Assert.NotSame(original, original.WithUser("user-1"));
        Assert.NotSame(original, original.WithScopes([]));
        Assert.NotSame(original, original.WithApiKey("key"));
        Assert.NotSame(original, original.WithSession("s"));
        Assert.NotSame(original, original.WithServer("srv"));
        Assert.NotSame(original, original.WithTraceId(original.TraceId));
        Assert.NotSame(original, original.WithLogger(NullLogger.Instance));
    }

    [Fact]
    public void With_methods_keep_origin_and_reason()
    {
        var system = Context.System("migration");

        var changed = system.WithTenant("tenant-1").WithProcedure("orders.migrate").WithUser("admin");

        Assert.Equal(ContextOrigin.System, changed.Origin);
        Assert.True(changed.IsSystem);
        Assert.Equal("migration", changed.Reason);
        Assert.Equal(system.TraceId, changed.TraceId);
    }

    [Fact]
    public void With_methods_keep_the_fields_they_do_not_change()
    {
        var context = Context.Create("tenant-1", "user-1").WithScopes(["a"]).WithServer("srv").WithProcedure("orders.list");

        var changed = context.WithSession("session-9");

        Assert.Equal("tenant-1", changed.TenantId);
        Assert.Equal("user-1", changed.UserId);
        Assert.Equal(["a"], changed.Scopes);
        Assert.Equal("srv", changed.Server);
        Assert.Equal("orders.list", changed.Procedure);
        Assert.Equal(context.TraceId, changed.TraceId);
    }

    [Fact]
    public void WithTenant_and_WithUser_clear_with_null_or_empty()
    {
        var context = Context.Create("tenant-1", "user-1");

        Assert.Null(context.WithTenant(null).TenantId);
        Assert.Null(context.WithTenant("").TenantId);
        var anonymous = context.WithUser("");
        Assert.Null(anonymous.UserId);
        Assert.Equal(IdentityTypes.Anonymous, anonymous.IdentityType);
    }

    [Fact]
    public void WithUser_takes_an_explicit_identity_type()
    {
        var context = Context.Create().WithUser("svc-42", IdentityTypes.System);

        Assert.Equal("svc-42", context.UserId);
        Assert.Equal(IdentityTypes.System, context.IdentityType);
    }

    [Fact]
    public void WithApiKey_null_keeps_the_identity_type()
    {
        var context = Context.Create(userId: "user-1");

        var changed = context.WithApiKey(null);

        Assert.Null(changed.ApiKeyId);
        Assert.Equal(IdentityTypes.User, changed.IdentityType);
    }

    [Fact]
    public void WithScopes_copies_the_given_sequence()
    {
        var scopes = new[] { "orders:read" };

        var context = Context.Create().WithScopes(scopes);
        scopes[0] = "orders:write";

        Assert.Equal(["orders:read"], context.Scopes);
    }

    [Fact]
    public void WithScopes_null_throws()
    {
        Assert.Throws<ArgumentNullException>(() => Context.Create().WithScopes(null!));
    }

    [Fact]
    public void WithProcedure_returns_the_same_instance_for_the_same_name()
    {
        var context = Context.Create().WithProcedure("orders.create");

        var fresh = Context.Create();

        Assert.Same(context, context.WithProcedure("orders.create"));
        Assert.Same(fresh, fresh.WithProcedure(null));
    }

    [Fact]
    public void WithProcedure_with_another_name_returns_a_copy()
    {
        var context = Context.Create().WithProcedure("orders.create");

        var changed = context.WithProcedure("orders.cancel");

        Assert.NotSame(context, changed);
        Assert.Equal("orders.cancel", changed.Procedure);
        Assert.Equal("orders.create", context.Procedure);
        Assert.NotSame(context, context.WithProcedure("Orders.Create"));
    }

    [Fact]
    public void WithProcedure_hands_out_its_last_copy_again_for_the_same_name_only()
    {
        var caller = Context.Create("tenant-1", "user-1");

        var first = caller.WithProcedure("orders.create");
        var again = caller.WithProcedure(string.Concat("orders.", "create"));
        var other = caller.WithProcedure("orders.cancel");
        var back = caller.WithProcedure("orders.create");

        Assert.Same(first, again);
        Assert.Equal("orders.cancel", other.Procedure);
        Assert.NotSame(first, back);
        Assert.Equal(("orders.create", "tenant-1", "user-1"), (back.Procedure, back.TenantId, back.UserId));
        Assert.Null(caller.Procedure);
    }

    [Fact]
    public async Task WithProcedure_from_many_threads_always_gives_the_name_asked_for()
    {
        var caller = Context.Create("tenant-1");
        var names = Enumerable.Range(0, 8).Select(i => $"orders.p{i}").ToArray();

        var wrong = await Task.WhenAll(names.Select(name => Task.Run(() =>
            Enumerable.Range(0, 20_000).Count(_ => caller.WithProcedure(name).Procedure != name))));

        Assert.All(wrong, count => Assert.Equal(0, count));
    }

    [Fact]
    public void WithProcedure_copies_keep_every_other_field()
    {
        var original = Context.System("nightly billing", "tenant-1")
            .WithUser("svc-billing", IdentityTypes.System)
            .WithScopes(["billing:run"])
            .WithApiKey("key-1")
            .WithSession("session-1")
            .WithServer("jobs")
            .WithTraceId("0af7651916cd43dd8448eb211c80319c");

        var first = original.WithProcedure("billing.run");
        var second = first.WithProcedure("billing.invoices.send");

        foreach (var copy in new[] { first, second })
        {
            Assert.Equal(original.TraceId, copy.TraceId);
            Assert.Equal("tenant-1", copy.TenantId);
            Assert.Equal("svc-billing", copy.UserId);
            Assert.Equal(original.IdentityType, copy.IdentityType);
            Assert.Equal(["billing:run"], copy.Scopes);
            Assert.Equal("key-1", copy.ApiKeyId);
            Assert.Equal("session-1", copy.SessionId);
            Assert.Equal("jobs", copy.Server);
            Assert.Equal(ContextOrigin.System, copy.Origin);
            Assert.True(copy.IsSystem);
            Assert.Equal("nightly billing", copy.Reason);
        }

        Assert.Equal("billing.run", first.Procedure);
        Assert.Equal("billing.invoices.send", second.Procedure);
        Assert.Null(original.Procedure);
        Assert.Null(first.WithProcedure(null).Procedure);
    }

    [Fact]
    public void With_methods_on_a_WithProcedure_copy_leave_the_original_and_its_other_copies_unchanged()
    {
        var original = Context.Create("tenant-1", "user-1");
        var copy = original.WithProcedure("orders.create");

        var changed = copy.WithTenant("tenant-2").WithLogger(NullLogger.Instance);

        Assert.Equal("tenant-2", changed.TenantId);
        Assert.Equal("orders.create", changed.Procedure);
        Assert.Equal("tenant-1", copy.TenantId);
        Assert.Equal("tenant-1", original.TenantId);
        Assert.Equal(original.ToString().Replace("procedure=-", "procedure=orders.create", StringComparison.Ordinal), copy.ToString());
    }

    [Fact]
    public void HasScope_matches_granted_scopes_ordinally()
    {
        var context = Context.Create().WithScopes(["orders:read", "billing:*"]);

        Assert.True(context.HasScope("orders:read"));
        Assert.True(context.HasScope("billing:*"));
        Assert.False(context.HasScope("Orders:Read"));
        Assert.False(context.HasScope("orders"));
        Assert.False(context.HasScope("billing:invoices"));
        Assert.False(Context.Create().HasScope("orders:read"));
    }

    [Fact]
    public void WithTraceId_replaces_the_trace_id()
    {
        var context = Context.Create();

        var changed = context.WithTraceId("4bf92f3577b34da6a3ce929d0e0e4736");

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", changed.TraceId);
        Assert.NotEqual(changed.TraceId, context.TraceId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not-a-trace-id")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e473")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e47360")]
    [InlineData("4BF92F3577B34DA6A3CE929D0E0E4736")]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e473g")]
    [InlineData("00000000000000000000000000000000")]
    public void WithTraceId_rejects_a_value_that_is_not_a_w3c_trace_id(string traceId)
    {
        var error = Assert.Throws<ArgumentException>(() => Context.Create().WithTraceId(traceId));

        Assert.Equal("traceId", error.ParamName);
    }

    [Fact]
    public void WithTraceId_null_throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => Context.Create().WithTraceId(null!));
    }

    [Fact]
    public void WithLogger_null_throws()
    {
        Assert.Throws<ArgumentNullException>(() => Context.Create().WithLogger(null!));
    }

    [Fact]
    public void Logger_is_the_same_instance_on_each_read()
    {
        var context = Context.Create();

        Assert.Same(context.Logger, context.Logger);
    }

    [Fact]
    public void ToString_names_the_identifiers()
    {
        var context = Context.Create("tenant-1", "user-1").WithProcedure("orders.create");

        var text = context.ToString();

        Assert.Contains(context.TraceId, text, StringComparison.Ordinal);
        Assert.Contains("tenant=tenant-1", text, StringComparison.Ordinal);
        Assert.Contains("user=user-1", text, StringComparison.Ordinal);
        Assert.Contains("procedure=orders.create", text, StringComparison.Ordinal);
        Assert.Contains("origin=Request", text, StringComparison.Ordinal);
    }
}
