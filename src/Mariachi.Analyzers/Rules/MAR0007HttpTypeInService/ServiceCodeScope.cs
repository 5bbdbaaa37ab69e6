using System;
using System.Collections.Immutable;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Mariachi.Analyzers.Rules;

/// <summary>
/// MAR0007's layer, <see cref="ServiceCode"/> decided per type from syntax and symbols: the members of service types
/// (data excepted, as MAR0001 decides) and procedure modules, and the handlers passed to <c>Register</c>.
/// </summary>
internal sealed class ServiceCodeScope
{
    public const string Service = "Service";

    /// <summary>The spans of the <c>Register(...)</c> calls of each tree, read from syntax.</summary>
    private static readonly PerTreeCache<CallSpans> ScannedTrees = new PerTreeCache<CallSpans>(ScanTree);

    private readonly KnownSymbols _symbols;
    private readonly OptionsCache _options;
    private readonly ServiceCode _serviceCode;

    public ServiceCodeScope(KnownSymbols symbols, OptionsCache options)
    {
        _symbols = symbols;
        _options = options;
        _serviceCode = new ServiceCode(symbols);
    }

    /// <summary>Registers <paramref name="references"/> on the members of the started type that are service code.</summary>
    public void Register(SymbolStartAnalysisContext context, LayerReferences references)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var serviceIn = 0;
        var declarations = type.DeclaringSyntaxReferences;
        foreach (var declaration in declarations)
        {
            if (IsInServiceType(type, _options.For(declaration.SyntaxTree)))
            {
                serviceIn++;
            }
        }

        if (serviceIn > 0 && serviceIn == declarations.Length)
        {
            references.Register(context, Service, null);
        }
        else if (serviceIn > 0 || MayHoldHandlers(declarations, context.CancellationToken))
        {
            references.Register(context, null, Classify);
        }
    }

    private string? Classify(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case TypeDeclarationSyntax declaration:
                    return model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type && IsInServiceType(type, _options.For(node.SyntaxTree))
                        ? Service
                        : null;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument
                    when IsRegisterName(invocation) && IsHandler(argument, invocation, model, cancellationToken):
                    return Service;
            }
        }

        return null;
    }

    private bool IsHandler(ArgumentSyntax argument, InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
        && ProcedureModel.IsRegister(operation, _symbols)
        && ProcedureModel.HandlerArgument(operation, _symbols)?.Syntax == argument;

    private bool IsInServiceType(INamedTypeSymbol type, MariachiOptions options)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            // Data (records, entities, data-only classes) is not service code, even named like a service.
            if (_serviceCode.IsServiceType(current, options))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MayHoldHandlers(ImmutableArray<SyntaxReference> declarations, CancellationToken cancellationToken)
    {
        foreach (var declaration in declarations)
        {
            foreach (var span in ScannedTrees.Get(declaration.SyntaxTree, cancellationToken).Spans)
            {
                if (declaration.Span.Contains(span))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsRegisterName(InvocationExpressionSyntax invocation) =>
        SyntaxNames.LastIdentifier(invocation.Expression) == "Register";

    private static CallSpans ScanTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (tree.GetText(cancellationToken).ToString().IndexOf("Register", StringComparison.Ordinal) < 0)
        {
            return CallSpans.Empty;
        }

        var spans = ImmutableArray.CreateBuilder<TextSpan>();
        foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation && IsRegisterName(invocation))
            {
                spans.Add(invocation.Span);
            }
        }

        return new CallSpans(spans.ToImmutable());
    }

    private sealed class CallSpans
    {
        public static readonly CallSpans Empty = new CallSpans(ImmutableArray<TextSpan>.Empty);

        public CallSpans(ImmutableArray<TextSpan> spans) => Spans = spans;

        public ImmutableArray<TextSpan> Spans { get; }
    }
}
