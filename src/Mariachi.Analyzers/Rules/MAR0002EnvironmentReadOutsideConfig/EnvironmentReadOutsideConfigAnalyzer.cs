using System.Collections.Immutable;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0002: <c>Environment.GetEnvironmentVariable</c> (every overload), <c>GetEnvironmentVariables</c> and
/// <c>ExpandEnvironmentVariables</c>, called or used as a method group, outside the config layer and the composition
/// root (<see cref="CompositionRoot"/>). The entry point's type may read the allow-listed variables by constant name;
/// test projects are exempt unless configured otherwise.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EnvironmentReadOutsideConfigAnalyzer : DiagnosticAnalyzer
{
    private const int MaxMessageLength = 100;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.EnvironmentReadOutsideConfig);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Every read names a GetEnvironmentVariable(s)/ExpandEnvironmentVariables method: none where no tree spells one.
            if (!EnvironmentReads.Mentions.InAnyTree(start.Compilation, start.CancellationToken))
            {
                return;
            }

            // An Aspire AppHost is composition root from end to end: nothing in it is checked.
            var symbols = KnownSymbols.Create(start.Compilation);
            if (CompositionRoot.IsAspireHost(symbols, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
            {
                return;
            }

            // A test project is exempt unless some configuration of it includes test projects.
            var options = OptionsCache.Of(start.Compilation, start.Options);
            var isTestProject = symbols.IsTestProject;
            if (isTestProject && !options.Any(o => o.IncludeTestProjects, start.Compilation))
            {
                return;
            }

            // System.Environment is resolved at the first call named like a read, not here: resolving a core-library
            // type loads that namespace's types, which a compilation that only spells the word in a comment never needs.
            var state = new State(symbols, options, isTestProject, new EntryPoint(start.Compilation));
            start.RegisterOperationAction(operationContext => Analyze(operationContext, state), OperationKind.Invocation, OperationKind.MethodReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, State state)
    {
        IInvocationOperation? invocation = null;
        IMethodSymbol? method;
        switch (context.Operation)
        {
            case IInvocationOperation call:
                invocation = call;
                method = call.TargetMethod;
                break;
            case IMethodReferenceOperation reference when !IsInNameOf(reference):
                method = reference.Method;
                break;
            default:
                return;
        }

        if (!EnvironmentReads.IsReadName(method?.Name) || !EnvironmentReads.IsEnvironmentRead(method, state.Symbols.Environment))
        {
            return;
        }

        var options = state.Options.For(context.Operation.Syntax.SyntaxTree);
        if ((state.IsTestProject && !options.IncludeTestProjects)
            || Layers.IsInConfigLayer(context.ContainingSymbol, options)
            || CompositionRoot.Contains(context.Operation, context.ContainingSymbol))
        {
            return;
        }

        if (invocation is not null
            && method!.Name == EnvironmentReads.GetEnvironmentVariable
            && EnvironmentReads.ConstantVariableName(invocation) is { } variable
            && options.EnvironmentAllowList.Contains(variable)
            && Layers.IsInEntryPointType(context.ContainingSymbol, state.EntryPoint.Get(context.CancellationToken)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.EnvironmentReadOutsideConfig,
            context.Operation.Syntax.GetLocation(),
            Describe(context.Operation, method!)));
    }

    private static bool IsInNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The call as written, or <c>Environment.Name</c> when it spans lines or is long.</summary>
    private static string Describe(IOperation operation, IMethodSymbol method)
    {
        var text = operation.Syntax.ToString();
        return text.Length > MaxMessageLength || text.IndexOf('\n') >= 0 || text.IndexOf('\r') >= 0
            ? "Environment." + method.Name
            : text;
    }

    private sealed class State
    {
        public State(KnownSymbols symbols, OptionsCache options, bool isTestProject, EntryPoint entryPoint)
        {
            Symbols = symbols;
            Options = options;
            IsTestProject = isTestProject;
            EntryPoint = entryPoint;
        }

        public KnownSymbols Symbols { get; }

        public OptionsCache Options { get; }

        public bool IsTestProject { get; }

        public EntryPoint EntryPoint { get; }
    }

    /// <summary>The compilation's entry point, computed at most once (and only when an exemption needs it).</summary>
    private sealed class EntryPoint
    {
        private readonly Compilation _compilation;
        private readonly object _gate = new object();
        private IMethodSymbol? _value;
        private bool _computed;

        public EntryPoint(Compilation compilation) => _compilation = compilation;

        public IMethodSymbol? Get(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (!_computed)
                {
                    _value = _compilation.GetEntryPoint(cancellationToken);
                    _computed = true;
                }

                return _value;
            }
        }
    }
}
