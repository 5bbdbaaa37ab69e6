using System.ComponentModel.DataAnnotations;
using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Communication;

namespace Mariachi.Adapters.InMemory.Tests.Communication;

/// <summary>
/// The fast path skips validation for sealed input types without rules (worked out at registration); every other
/// input type is still validated by its runtime type.
/// </summary>
public sealed class InputValidationShortcutTests
{
    private static readonly Context Caller = Context.Create(tenantId: "t1");
    private static readonly Procedure<Plain, int> PlainLength = new("shortcut.plain");
    private static readonly Procedure<Annotated, int> AnnotatedLength = new("shortcut.annotated");
    private static readonly Procedure<OpenBase, int> BaseLength = new("shortcut.base");
    private static readonly Procedure<Quantity, int> StructValue = new("shortcut.struct");
    private readonly InProcessCommunication _communication = new();

    public InputValidationShortcutTests()
    {
        _communication.Register(PlainLength, (_, input) => Task.FromResult(input.Name.Length));
        _communication.Register(AnnotatedLength, (_, input) => Task.FromResult(input.Name.Length));
        _communication.Register(BaseLength, (_, input) => Task.FromResult(input.Name.Length));
        _communication.Register(StructValue, (_, input) => Task.FromResult(input.Value));
    }

    [Fact]
    public async Task A_sealed_input_type_without_rules_reaches_the_handler_by_handle_and_by_name()
    {
        Assert.Equal(0, await _communication.CallAsync(PlainLength, Caller, new Plain(string.Empty)));
        Assert.Equal(3, await _communication.CallAsync<int>(PlainLength.Name, Caller, new Plain("abc")));
    }

    [Fact]
    public async Task A_sealed_input_type_with_rules_is_still_validated()
    {
        await Assert.ThrowsAsync<ValidationError>(() => _communication.CallAsync(AnnotatedLength, Caller, new Annotated(string.Empty)).AsTask());
        await Assert.ThrowsAsync<ValidationError>(() => _communication.CallAsync<int>(AnnotatedLength.Name, Caller, new Annotated(string.Empty)).AsTask());
    }

    [Fact]
    public async Task A_derived_input_with_rules_is_validated_by_its_runtime_type_when_the_declared_type_is_open()
    {
        Assert.Equal(0, await _communication.CallAsync(BaseLength, Caller, new OpenBase(string.Empty)));
        await Assert.ThrowsAsync<ValidationError>(() => _communication.CallAsync<OpenBase, int>(BaseLength, Caller, new AnnotatedDerived(string.Empty)).AsTask());
    }

    [Fact]
    public async Task A_struct_input_without_rules_reaches_the_handler()
    {
        Assert.Equal(7, await _communication.CallAsync(StructValue, Caller, new Quantity(7)));
    }

    public sealed record Plain(string Name);

    public sealed record Annotated([property: Required] string Name);

    public record OpenBase(string Name);

    public sealed record AnnotatedDerived([property: Required] string Value) : OpenBase(Value);

    public readonly record struct Quantity(int Value);
}
