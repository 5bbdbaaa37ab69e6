using Mariachi.Adapters.Nats.Wire;
using NATS.Client.Core;

namespace Mariachi.Adapters.Nats.Tests;

/// <summary>The wire format, without a server.</summary>
public sealed class WireTests
{
    [Theory]
    [InlineData(typeof(int), "System.Int32")]
    [InlineData(typeof(int[]), "System.Int32[]")]
    [InlineData(typeof(int[,]), "System.Int32[,]")]
    [InlineData(typeof(List<string>), "System.Collections.Generic.List`1[System.String]")]
    [InlineData(typeof(Dictionary<string, List<Guid>>), "System.Collections.Generic.Dictionary`2[System.String,System.Collections.Generic.List`1[System.Guid]]")]
    [InlineData(typeof(List<int[]>[]), "System.Collections.Generic.List`1[System.Int32[]][]")]
    [InlineData(typeof(Nested), "Mariachi.Adapters.Nats.Tests.WireTests+Nested")]
    public void Type_names_carry_no_assembly_version_and_resolve_back(Type type, string name)
    {
        Assert.Equal(name, WireTypes.NameOf(type));
        Assert.Equal(type, WireTypes.Resolve(name));
    }

    [Theory]
    [InlineData("Nowhere.Type")]
    [InlineData("System.Collections.Generic.List`1[Nowhere.Type]")]
    [InlineData("System.Collections.Generic.List`1[System.Int32,System.Int32]")]
    [InlineData("System.Int32]")]
    [InlineData("null")]
    [InlineData("")]
    public void Unknown_or_malformed_type_names_resolve_to_nothing(string name) => Assert.Null(WireTypes.Resolve(name));

    [Fact]
    public void A_context_without_headers_is_a_fresh_anonymous_request()
    {
        var context = WireHeaders.ReadContext(headers: null, logger: null);

        Assert.Equal(ContextOrigin.Request, context.Origin);
        Assert.Equal(IdentityTypes.Anonymous, context.IdentityType);
        Assert.Null(context.TenantId);
        Assert.Equal(32, context.TraceId.Length);
    }

    [Theory]
    [InlineData("00-00000000000000000000000000000000-0000000000000001-01")]
    [InlineData("00-ABCDEF0123456789ABCDEF0123456789-0000000000000001-01")]
    [InlineData("garbage")]
    public void A_malformed_traceparent_starts_a_new_trace(string traceParent)
    {
        var headers = new NatsHeaders { [WireHeaders.TraceParent] = traceParent };

        var context = WireHeaders.ReadContext(headers, logger: null);

        Assert.Null(WireHeaders.TraceIdOf(traceParent));
        Assert.NotEqual(traceParent.Substring(Math.Min(3, traceParent.Length)), context.TraceId);
    }

    [Fact]
    public void Header_values_are_escaped_and_come_back_exactly()
    {
        var sent = Context.System("line one\r\nline two: ü", tenantId: "tenant/ä b");
        var headers = new NatsHeaders();

        WireHeaders.WriteContext(headers, sent, procedure: "orders.create");
        var received = WireHeaders.ReadContext(headers, logger: null);

        Assert.DoesNotContain(headers.Values.SelectMany(v => v), v => v!.Contains('\n', StringComparison.Ordinal) || v.Any(c => c > 127));
        Assert.Equal(sent.TraceId, received.TraceId);
        Assert.Equal(sent.Reason, received.Reason);
        Assert.Equal(sent.TenantId, received.TenantId);
        Assert.True(received.IsSystem);
    }

    [Fact]
    public void Errors_come_back_with_their_class_code_message_and_plain_metadata()
    {
        var sent = new ValidationError(
            ErrorCodes.Validation.InvalidInput,
            "The input is invalid.",
            MariachiError.Meta(
                ("errors", new Dictionary<string, string[]> { ["Text"] = ["Required."], ["Times"] = ["Too many.", "Odd."] }),
                ("limits", new Dictionary<string, object?> { ["max"] = 10, ["name"] = "times" }),
                ("mixed", new object?[] { 1, "a", null }),
                ("big", 1e300),
                ("nothing", null)));

        var received = Assert.IsType<ValidationError>(WireErrors.Decode(WireErrors.Encode(sent, new System.Text.Json.JsonSerializerOptions())));

        Assert.Equal(sent.Code, received.Code);
        Assert.Equal(sent.Message, received.Message);
        var errors = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(received.Metadata["errors"]);
        Assert.Equal(["Too many.", "Odd."], errors["Times"]);
        var limits = Assert.IsType<Dictionary<string, object?>>(received.Metadata["limits"]);
        Assert.Equal(10L, limits["max"]);
        Assert.Equal([1L, "a", null], Assert.IsType<object?[]>(received.Metadata["mixed"]));
        Assert.Equal(1e300, received.Metadata["big"]);
        Assert.Null(received.Metadata["nothing"]);
    }

    [Fact]
    public void An_error_class_unknown_here_arrives_as_a_MariachiError_with_the_same_code()
    {
        var payload = """{"type":"Elsewhere.OutOfStockError","code":"conflict/out-of-stock","message":"Only 2 left.","metadata":{"sku":"abc"}}"""u8.ToArray();

        var error = WireErrors.Decode(payload);

        Assert.IsType<MariachiError>(error);
        Assert.Equal("conflict/out-of-stock", error.Code);
        Assert.Equal("abc", error.Metadata["sku"]);
        Assert.Null(WireErrors.Decode("not json"u8.ToArray()));
        Assert.Null(WireErrors.Decode("""{"message":"no code"}"""u8.ToArray()));
    }

    [Theory]
    [InlineData("orders.>")]
    [InlineData("orders.*")]
    [InlineData("orders..x")]
    [InlineData("")]
    [InlineData("with space")]
    public void Subject_prefixes_with_wildcards_or_empty_tokens_are_rejected(string prefix)
    {
        var options = new MariachiNatsOptions { ProcedureSubjectPrefix = prefix };

        var error = Assert.Throws<ConfigError>(options.Validate);

        Assert.Equal(ErrorCodes.Config.Invalid, error.Code);
        Assert.Contains(nameof(MariachiNatsOptions.ProcedureSubjectPrefix), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Procedure_and_event_prefixes_must_not_overlap()
    {
        var options = new MariachiNatsOptions { ProcedureSubjectPrefix = "app" };
        options.Events.SubjectPrefix = "app.events";

        var error = Assert.Throws<ConfigError>(options.Validate);

        Assert.Contains("Events.SubjectPrefix", error.Message, StringComparison.Ordinal);
        new MariachiNatsOptions().Validate();
    }

    public sealed class Nested;
}
