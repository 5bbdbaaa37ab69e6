using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Mariachi.Analyzers;
using Mariachi.Analyzers.Core;
using Mariachi.CodeFixes.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.CodeFixes;

/// <summary>
/// MAR0001: replaces <c>service.Method(ctx, input[, ct])</c> with
/// <c>communication.CallAsync&lt;TOut&gt;("name", ctx, input[, ct])</c> when exactly one <c>Register</c> call of
/// the compilation maps a procedure to that method and an ICommunication is reachable. Offered on invocations only.
/// <c>CallAsync</c> returns a <c>ValueTask&lt;TOut&gt;</c>, so the call keeps its type: an awaited call is awaited as
/// it was; the expression body of a function that returned the service's task becomes <c>async</c> and awaits
/// <c>CallAsync</c>; any other use of a <c>Task</c> gets <c>CallAsync(...).AsTask()</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ControllerReferencesServiceCodeFix))]
[Shared]
public sealed class ControllerReferencesServiceCodeFix : EditorCodeFixProvider
{
    private const string EquivalenceKey = DiagnosticIds.ControllerReferencesService + ":CallAsync";

    /// <summary>The registrations of a compilation, found once for all the diagnostics a FixAll visits.</summary>
    private static readonly ConditionalWeakTable<Compilation, Registrations> RegistrationsByCompilation =
        new ConditionalWeakTable<Compilation, Registrations>();

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ControllerReferencesService);

    protected override async Task<IReadOnlyList<FixOption>> GetOptionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        return plan is null
            ? new FixOption[0]
            : new[] { new FixOption($"Call procedure '{plan.Name}' through {plan.Communication}.CallAsync", EquivalenceKey) };
    }

    protected override async Task ApplyAsync(DocumentEditor editor, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        if (equivalenceKey != EquivalenceKey)
        {
            return;
        }

        var plan = await PlanAsync(editor.OriginalDocument, diagnostic, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        editor.ReplaceNode(plan.Invocation, (current, _) => current is InvocationExpressionSyntax invocation ? Rewrite(invocation, plan) : current);
        if (plan.AsyncFunction is { } function)
        {
            editor.ReplaceNode(function, (current, generator) => MakeAsync(current, generator));
        }
    }

    private static SyntaxNode Rewrite(InvocationExpressionSyntax current, Plan plan)
    {
        var arguments = current.ArgumentList.Arguments;
        if (plan.ContextIndex >= arguments.Count || plan.InputIndex >= arguments.Count || plan.TokenIndex >= arguments.Count)
        {
            return current;
        }

        var newArguments = new List<ArgumentSyntax>
        {
            SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(plan.Name))),
            SyntaxFactory.Argument(arguments[plan.ContextIndex].Expression.WithoutTrivia()),
            SyntaxFactory.Argument(arguments[plan.InputIndex].Expression.WithoutTrivia()),
        };
        if (plan.TokenIndex >= 0)
        {
            newArguments.Add(SyntaxFactory.Argument(arguments[plan.TokenIndex].Expression.WithoutTrivia()));
        }

        var separators = new List<SyntaxToken>();
        for (var i = 1; i < newArguments.Count; i++)
        {
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
        }

        var callAsync = SyntaxFactory.GenericName(
            SyntaxFactory.Identifier("CallAsync"),
            SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.ParseTypeName(plan.Output))));
        ExpressionSyntax call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.IdentifierName(plan.Communication),
                callAsync),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(newArguments, separators)));
        switch (plan.Use)
        {
            case ResultUse.AsTask:
                call = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call, SyntaxFactory.IdentifierName("AsTask")));
                break;
            case ResultUse.Await:
                call = SyntaxFactory.AwaitExpression(
                    SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space),
                    call);
                break;
        }

        return call.WithTriviaFrom(current);
    }

    /// <summary>Adds <c>async</c> to the method, local function or lambda whose expression body is now awaited.</summary>
    private static SyntaxNode MakeAsync(SyntaxNode function, SyntaxGenerator generator)
    {
        if (function is AnonymousFunctionExpressionSyntax lambda)
        {
            if (lambda.Modifiers.Any(SyntaxKind.AsyncKeyword))
            {
                return lambda;
            }

            var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithLeadingTrivia(lambda.GetLeadingTrivia()).WithTrailingTrivia(SyntaxFactory.Space);
            var bare = lambda.WithoutLeadingTrivia();
            return bare.WithModifiers(bare.Modifiers.Insert(0, asyncKeyword));
        }

        return generator.WithModifiers(function, generator.GetModifiers(function).WithAsync(true));
    }

    private static async Task<Plan?> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var span = diagnostic.Location.SourceSpan;
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
        if (invocation is null || invocation.Span != span || !HasSimpleReceiver(invocation.Expression))
        {
            return null;
        }

        var symbols = KnownSymbols.Create(model.Compilation);
        if (symbols.Communication is null
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        var registrations = ServiceRegistrations.For(
            GetRegistrations(model.Compilation, symbols, cancellationToken),
            operation.TargetMethod);
        if (registrations.Length != 1)
        {
            return null;
        }

        var registration = registrations[0];
        if (!MapArguments(operation, invocation, registration, symbols, out var contextIndex, out var inputIndex, out var tokenIndex))
        {
            return null;
        }

        var output = OutputType(operation.TargetMethod, registration, invocation, model.Compilation, out var use);
        var communication = FindCommunication(model, invocation, symbols, cancellationToken);
        if (output is null || communication is null)
        {
            return null;
        }

        var asyncFunction = use == ResultUse.AsTask ? AwaitableBody(invocation, model, cancellationToken) : null;
        return new Plan(
            invocation,
            registration.Name,
            communication,
            output.ToMinimalDisplayString(model, invocation.SpanStart),
            contextIndex,
            inputIndex,
            tokenIndex,
            asyncFunction is null ? use : ResultUse.Await,
            asyncFunction);
    }

    private static ImmutableArray<ServiceRegistration> GetRegistrations(Compilation compilation, KnownSymbols symbols, CancellationToken cancellationToken) =>
        RegistrationsByCompilation.GetValue(
            compilation,
            c => new Registrations(ServiceRegistrations.Find(c, symbols, tree => c.GetSemanticModel(tree), cancellationToken))).Value;

    /// <summary>
    /// The receiver is dropped by the rewrite, so it must be free of side effects: a name, <c>this.x</c>, a type,
    /// or nothing. Conditional access (<c>service?.M()</c>) is not rewritten.
    /// </summary>
    private static bool HasSimpleReceiver(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case SimpleNameSyntax:
                return true;
            case MemberAccessExpressionSyntax access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                for (var receiver = access.Expression; ;)
                {
                    switch (receiver)
                    {
                        case SimpleNameSyntax:
                        case ThisExpressionSyntax:
                        case BaseExpressionSyntax:
                        case PredefinedTypeSyntax:
                        case AliasQualifiedNameSyntax:
                            return true;
                        case MemberAccessExpressionSyntax inner when inner.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                            receiver = inner.Expression;
                            break;
                        default:
                            return false;
                    }
                }

            default:
                return false;
        }
    }

    /// <summary>
    /// Finds the call's Context, input and token arguments. Every explicit argument must be one of them (a value
    /// for any other parameter would be lost), passed by value, and not part of a params array.
    /// </summary>
    private static bool MapArguments(
        IInvocationOperation operation,
        InvocationExpressionSyntax invocation,
        ServiceRegistration registration,
        KnownSymbols symbols,
        out int contextIndex,
        out int inputIndex,
        out int tokenIndex)
    {
        contextIndex = inputIndex = tokenIndex = -1;
        var syntaxArguments = invocation.ArgumentList.Arguments;
        foreach (var argument in operation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.ArgumentKind != ArgumentKind.Explicit
                || argument.Parameter is not { } parameter
                || argument.Syntax is not ArgumentSyntax syntax
                || !syntax.RefKindKeyword.IsKind(SyntaxKind.None))
            {
                return false;
            }

            var index = syntaxArguments.IndexOf(syntax);
            if (index < 0)
            {
                return false;
            }

            if (parameter.Ordinal == registration.ContextOrdinal)
            {
                contextIndex = index;
            }
            else if (parameter.Ordinal == registration.InputOrdinal)
            {
                inputIndex = index;
            }
            else if (parameter.Ordinal == registration.TokenOrdinal
                || SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.CancellationToken))
            {
                tokenIndex = index;
            }
            else
            {
                return false;
            }
        }

        return contextIndex >= 0 && inputIndex >= 0;
    }

    /// <summary>
    /// TOut: the awaited result of the method (Task&lt;T&gt; or ValueTask&lt;T&gt; -> T); a method returning Task or
    /// ValueTask calls with the procedure's TOut. <paramref name="use"/> says how the <c>ValueTask&lt;TOut&gt;</c> of
    /// <c>CallAsync</c> takes the call's place. Not rewritten: synchronous methods (the call would become a task)
    /// and a ValueTask (not generic) that is not awaited.
    /// </summary>
    private static ITypeSymbol? OutputType(IMethodSymbol method, ServiceRegistration registration, InvocationExpressionSyntax invocation, Compilation compilation, out ResultUse use)
    {
        use = IsAwaited(invocation) ? ResultUse.AsIs : ResultUse.AsTask;
        if (method.ReturnType is not INamedTypeSymbol returned)
        {
            return null;
        }

        var original = returned.OriginalDefinition;
        if (Is(original, compilation, "System.Threading.Tasks.Task`1"))
        {
            return returned.TypeArguments[0];
        }

        if (Is(original, compilation, "System.Threading.Tasks.Task"))
        {
            return registration.Output;
        }

        if (Is(original, compilation, "System.Threading.Tasks.ValueTask`1"))
        {
            // The same ValueTask<T> as CallAsync's, awaited or not.
            use = ResultUse.AsIs;
            return returned.TypeArguments[0];
        }

        return use == ResultUse.AsIs && Is(original, compilation, "System.Threading.Tasks.ValueTask") ? registration.Output : null;
    }

    /// <summary>
    /// The method, local function or lambda, not async yet, whose expression body is <paramref name="invocation"/>
    /// and which returns a task: it can become <c>async</c> and await <c>CallAsync</c>. Null otherwise (the call then
    /// keeps its Task through <c>AsTask()</c>).
    /// </summary>
    private static SyntaxNode? AwaitableBody(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode body = invocation;
        while (body.Parent is ParenthesizedExpressionSyntax)
        {
            body = body.Parent;
        }

        SyntaxNode? function = body.Parent switch
        {
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } arrow => arrow.Parent,
            AnonymousFunctionExpressionSyntax lambda when lambda.ExpressionBody == body => lambda,
            _ => null,
        };
        if (function is null || function is AnonymousFunctionExpressionSyntax { Modifiers: var lambdaModifiers } && lambdaModifiers.Any(SyntaxKind.AsyncKeyword))
        {
            return null;
        }

        var symbol = function is AnonymousFunctionExpressionSyntax
            ? model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
            : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
        if (symbol is null || symbol.IsAsync || symbol.ReturnType is not INamedTypeSymbol returns)
        {
            return null;
        }

        var compilation = model.Compilation;
        var returnsTask = Is(returns.OriginalDefinition, compilation, "System.Threading.Tasks.Task`1")
            || Is(returns.OriginalDefinition, compilation, "System.Threading.Tasks.Task")
            || Is(returns.OriginalDefinition, compilation, "System.Threading.Tasks.ValueTask`1");

        // An async function takes no ref, out or in parameter, nor a ref struct.
        return returnsTask && symbol.Parameters.All(p => p.RefKind == RefKind.None && !p.Type.IsRefLikeType) ? function : null;
    }

    private static bool Is(INamedTypeSymbol type, Compilation compilation, string metadataName) =>
        SymbolEqualityComparer.Default.Equals(type, compilation.GetTypeByMetadataName(metadataName));

    /// <summary>Awaited directly, or through <c>.ConfigureAwait(...)</c> (which a ValueTask has as well).</summary>
    private static bool IsAwaited(SyntaxNode node)
    {
        var parent = Unparenthesized(node);
        if (parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access
            && access.Expression == Skip(node)
            && access.Parent is InvocationExpressionSyntax configured)
        {
            parent = Unparenthesized(configured);
        }

        return parent is AwaitExpressionSyntax;

        static SyntaxNode Skip(SyntaxNode node) => node.Parent is ParenthesizedExpressionSyntax ? Skip(node.Parent) : node;

        static SyntaxNode? Unparenthesized(SyntaxNode node) => Skip(node).Parent;
    }

    /// <summary>
    /// The ICommunication reachable at the invocation: a parameter or local declared before it (innermost first),
    /// then a field or property (instance ones only from instance code, and not across a static lambda).
    /// </summary>
    private static string? FindCommunication(SemanticModel model, InvocationExpressionSyntax invocation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var position = invocation.SpanStart;
        SyntaxNode? staticBoundary = null;
        foreach (var ancestor in invocation.Ancestors())
        {
            if ((ancestor is AnonymousFunctionExpressionSyntax lambda && lambda.Modifiers.Any(SyntaxKind.StaticKeyword))
                || (ancestor is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.StaticKeyword)))
            {
                staticBoundary = ancestor;
                break;
            }
        }

        var isStaticCode = IsStaticMember(model.GetEnclosingSymbol(position, cancellationToken));
        ISymbol? best = null;
        var bestRank = int.MaxValue;
        var bestPosition = -1;
        foreach (var symbol in model.LookupSymbols(position))
        {
            ITypeSymbol? type;
            int rank;
            switch (symbol)
            {
                case ILocalSymbol local:
                    type = local.Type;
                    rank = 0;
                    break;
                case IParameterSymbol parameter:
                    type = parameter.Type;
                    rank = 0;
                    if (isStaticCode && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
                    {
                        continue;
                    }

                    break;
                case IFieldSymbol field:
                    type = field.Type;
                    rank = 1;
                    break;
                case IPropertySymbol property when !property.IsIndexer && property.GetMethod is not null:
                    type = property.Type;
                    rank = 1;
                    break;
                default:
                    continue;
            }

            if (!IsCommunication(type, symbols))
            {
                continue;
            }

            var declaration = symbol.DeclaringSyntaxReferences.Length > 0 ? symbol.DeclaringSyntaxReferences[0] : null;
            if (rank == 0)
            {
                if (declaration is null || declaration.SyntaxTree != invocation.SyntaxTree)
                {
                    continue;
                }

                if (symbol is ILocalSymbol && declaration.Span.End > position)
                {
                    continue;
                }

                if (staticBoundary is not null && !staticBoundary.Span.Contains(declaration.Span))
                {
                    continue;
                }
            }
            else if (!symbol.IsStatic && (isStaticCode || staticBoundary is not null))
            {
                continue;
            }

            var declaredAt = declaration?.Span.Start ?? -1;
            if (rank < bestRank || (rank == bestRank && declaredAt > bestPosition))
            {
                best = symbol;
                bestRank = rank;
                bestPosition = declaredAt;
            }
        }

        if (best is null)
        {
            return null;
        }

        return SyntaxFacts.GetKeywordKind(best.Name) != SyntaxKind.None ? "@" + best.Name : best.Name;
    }

    private static bool IsStaticMember(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                continue;
            }

            return current.IsStatic;
        }

        return false;
    }

    private static bool IsCommunication(ITypeSymbol? type, KnownSymbols symbols)
    {
        if (type is null || symbols.Communication is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, symbols.Communication))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, symbols.Communication))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Registrations
    {
        public Registrations(ImmutableArray<ServiceRegistration> value) => Value = value;

        public ImmutableArray<ServiceRegistration> Value { get; }
    }

    /// <summary>How the <c>ValueTask&lt;TOut&gt;</c> of <c>CallAsync</c> takes the place of the service call.</summary>
    private enum ResultUse
    {
        /// <summary>Awaited already, or the same ValueTask&lt;T&gt; as the service's.</summary>
        AsIs,

        /// <summary>Awaited, in a function made async.</summary>
        Await,

        /// <summary>Used as a Task: <c>.AsTask()</c>.</summary>
        AsTask,
    }

    private sealed class Plan
    {
        public Plan(
            InvocationExpressionSyntax invocation,
            string name,
            string communication,
            string output,
            int contextIndex,
            int inputIndex,
            int tokenIndex,
            ResultUse use,
            SyntaxNode? asyncFunction)
        {
            Invocation = invocation;
            Name = name;
            Communication = communication;
            Output = output;
            ContextIndex = contextIndex;
            InputIndex = inputIndex;
            TokenIndex = tokenIndex;
            Use = use;
            AsyncFunction = asyncFunction;
        }

        public InvocationExpressionSyntax Invocation { get; }

        public string Name { get; }

        public string Communication { get; }

        public string Output { get; }

        public int ContextIndex { get; }

        public int InputIndex { get; }

        public int TokenIndex { get; }

        public ResultUse Use { get; }

        /// <summary>The function to make async, when <see cref="Use"/> is <see cref="ResultUse.Await"/>.</summary>
        public SyntaxNode? AsyncFunction { get; }
    }
}
