using System.Reflection;
using System.Runtime.CompilerServices;
using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Tests.Infrastructure;
using Mariachi.Communication;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Tests.Model;

/// <summary>
/// What the analyzers share with or twin from the runtime, kept in step by running one table through both: the
/// "did you mean" rule (MAR0012, one linked source file) and the type checks of a call against its registration
/// (MAR0013, a twin).
/// </summary>
public sealed class RuntimeTwinTests
{
    private static readonly string[] Registered = ["orders.create", "orders.get", "orders.list", "orders.cancel", "billing.invoices.send", "a.b", "a.c"];

    /// <summary>The types of the table: C# text, the runtime type, and a value whose runtime type is exactly it (null: none).</summary>
    private static readonly (string CSharp, Type Type, object? Sample)[] Types =
    [
        ("int", typeof(int), 5),
        ("long", typeof(long), 5L),
        ("int?", typeof(int?), 5),
        ("string", typeof(string), "text"),
        ("System.DayOfWeek", typeof(DayOfWeek), DayOfWeek.Monday),
        ("System.Guid", typeof(Guid), Guid.Empty),
        ("string[]", typeof(string[]), new[] { "a" }),
        ("int[]", typeof(int[]), new[] { 1 }),
        ("System.Version", typeof(Version), new Version(1, 0)),
        ("object", typeof(object), null),
        ("System.ValueType", typeof(ValueType), null),
        ("System.Enum", typeof(Enum), null),
        ("System.IComparable", typeof(IComparable), null),
        ("System.IFormattable", typeof(IFormattable), null),
        ("System.IDisposable", typeof(IDisposable), null),
        ("System.Collections.Generic.IEnumerable<char>", typeof(IEnumerable<char>), null),
        ("System.Collections.Generic.IEnumerable<object>", typeof(IEnumerable<object>), null),
        ("object[]", typeof(object[]), null),
        ("System.Uri", typeof(Uri), null),
        ("System.Exception", typeof(Exception), null),
        ("System.ArgumentException", typeof(ArgumentException), null),
    ];

    public static TheoryData<string> Names => new(
        "orders.craete", "orders.creat", "orders.create", "order.get", "orders.gets", "orders.lst", "billing.invoice.send",
        "billing.send", "x.y", "a.d", "a.bc", "", "orders.cancle", "ORDERS.CREATE", "orders.list.all");

    [Theory]
    [MemberData(nameof(Names))]
    public void The_did_you_mean_rule_gives_the_runtimes_answer(string name) =>
        Assert.Equal(
            Mariachi.Communication.Dispatch.NameSuggestions.Closest(name, Registered),
            Mariachi.Naming.ClosestName.Find(name, Registered));

    [Fact]
    public async Task The_input_check_gives_the_runtimes_verdict_for_every_pair()
    {
        var compilation = TypesCompilation();
        var disagreements = new List<string>();
        var inputs = Types.Where(t => t.Sample is not null).Select(t => (t.CSharp, (object?)t.Sample, Null: false)).Append(("null", null, Null: true));
        foreach (var (csharp, sample, isNull) in inputs)
        {
            foreach (var registered in Types)
            {
                var runtime = await FailsBeforeHandler(registered.Type, typeof(object), sample);
                var analyzer = ProcedureTypeRule.InputMismatches(isNull ? null : Symbol(compilation, csharp), Symbol(compilation, registered.CSharp), compilation);
                if (runtime != analyzer)
                {
                    disagreements.Add($"input {csharp} -> registered {registered.CSharp}: runtime {runtime}, analyzer {analyzer}");
                }
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public async Task The_output_check_gives_the_runtimes_verdict_for_every_pair()
    {
        var compilation = TypesCompilation();
        var disagreements = new List<string>();
        foreach (var requested in Types)
        {
            foreach (var registered in Types)
            {
                var runtime = await FailsBeforeHandler(typeof(object), registered.Type, requested: requested.Type);
                var analyzer = ProcedureTypeRule.OutputMismatches(Symbol(compilation, requested.CSharp), Symbol(compilation, registered.CSharp), compilation);
                if (runtime != analyzer)
                {
                    disagreements.Add($"requested {requested.CSharp} <- registered {registered.CSharp}: runtime {runtime}, analyzer {analyzer}");
                }
            }
        }

        Assert.Empty(disagreements);
    }

    /// <summary>
    /// True when a call with <paramref name="input"/> asking for <paramref name="requested"/> fails with
    /// communication/type-mismatch before the handler registered with <paramref name="input"/>'s types runs.
    /// </summary>
    private static async Task<bool> FailsBeforeHandler(Type registeredInput, Type registeredOutput, object? input = null, Type? requested = null)
    {
        var communication = new InProcessCommunication();
        var runs = new StrongBox<int>();
        Method(nameof(Register), registeredInput, registeredOutput).Invoke(null, [communication, runs]);
        var call = (Task<string?>)Method(nameof(Call), requested ?? registeredOutput).Invoke(null, [communication, input])!;
        var code = await call;
        return code == ErrorCodes.Communication.TypeMismatch && runs.Value == 0;
    }

    private static MethodInfo Method(string name, params Type[] arguments) =>
        typeof(RuntimeTwinTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(arguments);

    private static void Register<TIn, TOut>(ICommunication communication, StrongBox<int> runs) =>
        communication.Register<TIn, TOut>("table.case", (context, input, cancellationToken) =>
        {
            runs.Value++;
            return new ValueTask<TOut>(default(TOut)!);
        });

    private static async Task<string?> Call<TOut>(ICommunication communication, object? input)
    {
        try
        {
            await communication.CallAsync<TOut>("table.case", Context.Detached("table"), input);
            return null;
        }
        catch (MariachiError error)
        {
            return error.Code;
        }
        catch (InvalidCastException)
        {
            return "cast";
        }
    }

    private static CSharpCompilation TypesCompilation() => CSharpCompilation.Create(
        "Types",
        [CSharpSyntaxTree.ParseText("class Types { " + string.Concat(Types.Select((t, i) => $"public {t.CSharp} F{i}; ")) + "}")],
        TestReferences.NetCore);

    private static ITypeSymbol Symbol(Compilation compilation, string csharp)
    {
        var index = Array.FindIndex(Types, t => t.CSharp == csharp);
        return ((IFieldSymbol)compilation.GetTypeByMetadataName("Types")!.GetMembers("F" + index).Single()).Type;
    }
}
