using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Tests.Model;

/// <summary>One table of call shapes through the one procedure model: what each call is and the name it passes.</summary>
public sealed class ProcedureModelTests
{
    private const string Template = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mariachi;
        using Mariachi.Communication;
        using Mariachi.Events;

        static class Names
        {
            public const string Get = "orders.get";
            public const string Placed = "orders." + "placed";
        }

        class LookAlike
        {
            public void Register<TIn, TOut>(string name, Func<Context, TIn, CancellationToken, ValueTask<TOut>> handler) { }
            public ValueTask<T> CallAsync<T>(string name, Context context, object? input, CancellationToken cancellationToken = default) => default;
            public Task PublishAsync<T>(Context context, string name, T payload, CancellationToken cancellationToken = default) => Task.CompletedTask;
            public Task SubscribeAsync<T>(string name, Func<Context, T, Task> handler) => Task.CompletedTask;
        }

        class Subject
        {
            static readonly Procedure<int, int> Handle = new("orders.handle");

            async Task Run(ICommunication comm, IEventBus bus, Context ctx, LookAlike fake)
            {
                CALL;
            }
        }
        """;

    public static TheoryData<string, string, string?> Shapes => new()
    {
        { """comm.Register<int, int>("orders.get", (c, i, t) => new ValueTask<int>(i))""", nameof(ProcedureCallKind.Register), "orders.get" },
        { "comm.Register<int, int>(Names.Get, (c, i, t) => new ValueTask<int>(i))", nameof(ProcedureCallKind.Register), "orders.get" },
        { "comm.Register(Handle, (c, i, t) => new ValueTask<int>(i))", nameof(ProcedureCallKind.Register), "orders.handle" },
        { """comm.Register(new Procedure<int, int>("orders.inline"), (c, i, t) => new ValueTask<int>(i))""", nameof(ProcedureCallKind.Register), "orders.inline" },
        { """comm.Register<int, int>("orders.extension", (c, i) => new ValueTask<int>(i))""", nameof(ProcedureCallKind.Register), "orders.extension" },
        { """CommunicationExtensions.Register<int, int>(comm, "orders.static", (c, i) => new ValueTask<int>(i))""", nameof(ProcedureCallKind.Register), "orders.static" },
        { "comm.Register<int, int>(DateTime.Now.ToString(), (c, i, t) => new ValueTask<int>(i))", nameof(ProcedureCallKind.Register), null },
        { """await comm.CallAsync<int>("orders.get", ctx, 1)""", nameof(ProcedureCallKind.Call), "orders.get" },
        { "await comm.CallAsync(Handle, ctx, 1)", nameof(ProcedureCallKind.Call), "orders.handle" },
        { "await bus.PublishAsync(ctx, Names.Placed, 1)", nameof(ProcedureCallKind.Publish), "orders.placed" },
        { "await bus.SubscribeAsync<int>(Names.Placed, (c, p, t) => Task.CompletedTask)", nameof(ProcedureCallKind.Subscribe), "orders.placed" },
        { "await bus.SubscribeAsync<int>(Names.Placed, (c, p) => Task.CompletedTask)", nameof(ProcedureCallKind.Subscribe), "orders.placed" },
        { """fake.Register<int, int>("orders.get", (c, i, t) => new ValueTask<int>(i))""", nameof(ProcedureCallKind.None), null },
        { """await fake.CallAsync<int>("orders.get", ctx, 1)""", nameof(ProcedureCallKind.None), null },
        { "await fake.PublishAsync(ctx, Names.Placed, 1)", nameof(ProcedureCallKind.None), null },
        { "await fake.SubscribeAsync<int>(Names.Placed, (c, p) => Task.CompletedTask)", nameof(ProcedureCallKind.None), null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Recognises_the_call_and_its_constant_name(string call, string kindName, string? name)
    {
        // The kind travels by name: the enum is internal and theory parameters of a public test are public.
        var kind = Enum.Parse<ProcedureCallKind>(kindName);
        var tree = CSharpSyntaxTree.ParseText(Template.Replace("CALL", call, StringComparison.Ordinal));
        var compilation = CSharpCompilation.Create(
            "Shapes",
            [tree],
            [.. TestReferences.NetCore, .. TestReferences.Mariachi],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var invocation = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Run")
            .DescendantNodes().OfType<InvocationExpressionSyntax>().First();
        var operation = (IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(invocation)!;

        var found = ProcedureModel.ConstantNameOfCall(operation, KnownSymbols.Create(compilation), out var foundKind);

        Assert.Equal(kind, foundKind);
        Assert.Equal(name, found);
        Assert.Equal(kind == ProcedureCallKind.Register, ProcedureModel.IsRegister(operation, KnownSymbols.Create(compilation)));
    }
}
