using System;
using System.Collections.Immutable;
using System.Threading;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.CodeFixes;

/// <summary>
/// One <c>ICommunication.Register</c> call that maps a constant procedure name to a service method: the handler is
/// the method group, or a lambda whose body forwards its Context, input (and token) parameters to the method.
/// </summary>
internal sealed class ServiceRegistration
{
    public ServiceRegistration(
        string name,
        IMethodSymbol method,
        int contextOrdinal,
        int inputOrdinal,
        int tokenOrdinal,
        ITypeSymbol output,
        SyntaxNode syntax)
    {
        Name = name;
        Method = method;
        ContextOrdinal = contextOrdinal;
        InputOrdinal = inputOrdinal;
        TokenOrdinal = tokenOrdinal;
        Output = output;
        Syntax = syntax;
    }

    /// <summary>The procedure name.</summary>
    public string Name { get; }

    /// <summary>The service method the procedure forwards to (original definition).</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The ordinal of the method's parameter that receives the procedure's Context.</summary>
    public int ContextOrdinal { get; }

    /// <summary>The ordinal of the method's parameter that receives the procedure's input.</summary>
    public int InputOrdinal { get; }

    /// <summary>The ordinal of the method's parameter that receives the cancellation token, or -1.</summary>
    public int TokenOrdinal { get; }

    /// <summary>The procedure's output type (TOut of the Register call).</summary>
    public ITypeSymbol Output { get; }

    /// <summary>The Register invocation.</summary>
    public SyntaxNode Syntax { get; }
}

/// <summary>Finds the procedure registrations of a compilation that forward to service methods.</summary>
internal static class ServiceRegistrations
{
    /// <summary>
    /// Every <c>Register</c> call of the compilation whose name is a constant (or a <c>Procedure&lt;,&gt;</c>
    /// created with one) and whose handler forwards to a single method. <paramref name="getModel"/> supplies the
    /// semantic model of a tree.
    /// </summary>
    public static ImmutableArray<ServiceRegistration> Find(
        Compilation compilation,
        KnownSymbols symbols,
        Func<SyntaxTree, SemanticModel> getModel,
        CancellationToken cancellationToken)
    {
        if (symbols.Communication is null)
        {
            return ImmutableArray<ServiceRegistration>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<ServiceRegistration>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax invocation || ControllerCode.SimpleName(invocation.Expression) != ProcedureModel.RegisterName)
                {
                    continue;
                }

                model ??= getModel(tree);
                if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation
                    && Read(operation, symbols) is { } registration)
                {
                    result.Add(registration);
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The registrations whose method is <paramref name="target"/> (or its interface/implementation counterpart).</summary>
    public static ImmutableArray<ServiceRegistration> For(ImmutableArray<ServiceRegistration> registrations, IMethodSymbol target)
    {
        var result = ImmutableArray.CreateBuilder<ServiceRegistration>();
        foreach (var registration in registrations)
        {
            if (SameOperation(registration.Method, target))
            {
                result.Add(registration);
            }
        }

        return result.ToImmutable();
    }

    private static bool SameOperation(IMethodSymbol registered, IMethodSymbol called)
    {
        registered = registered.OriginalDefinition;
        called = called.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(registered, called))
        {
            return true;
        }

        if (called.ContainingType?.TypeKind == TypeKind.Interface
            && registered.ContainingType?.FindImplementationForInterfaceMember(called) is IMethodSymbol implementation
            && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, registered))
        {
            return true;
        }

        return registered.ContainingType?.TypeKind == TypeKind.Interface
            && called.ContainingType?.FindImplementationForInterfaceMember(registered) is IMethodSymbol calledImplementation
            && SymbolEqualityComparer.Default.Equals(calledImplementation.OriginalDefinition, called);
    }

    /// <summary>The name comes from the one procedure model, so this fix and MAR0004 agree on which registrations exist.</summary>
    private static ServiceRegistration? Read(IInvocationOperation register, KnownSymbols symbols)
    {
        if (register.TargetMethod.TypeArguments.Length != 2)
        {
            return null;
        }

        var name = ProcedureModel.GetConstantName(register, symbols);
        var handlerValue = ProcedureModel.HandlerArgument(register, symbols)?.Value;
        if (name is null || handlerValue is null)
        {
            return null;
        }

        var output = register.TargetMethod.TypeArguments[1];
        switch (Unwrap(handlerValue))
        {
            case IMethodReferenceOperation reference:
                return FromMethodGroup(name, reference.Method, output, symbols, register.Syntax);
            case IAnonymousFunctionOperation lambda:
                return FromLambda(name, lambda, output, symbols, register.Syntax);
            default:
                return null;
        }
    }

    /// <summary><c>Register("x", service.Method)</c>: the method takes (Context, TIn[, CancellationToken]) in order.</summary>
    private static ServiceRegistration? FromMethodGroup(string name, IMethodSymbol method, ITypeSymbol output, KnownSymbols symbols, SyntaxNode syntax)
    {
        var parameters = method.Parameters;
        if (parameters.Length < 2 || parameters.Length > 3 || !symbols.IsContext(parameters[0].Type))
        {
            return null;
        }

        return new ServiceRegistration(name, method.OriginalDefinition, 0, 1, parameters.Length == 3 ? 2 : -1, output, syntax);
    }

    /// <summary>
    /// <c>Register("x", (ctx, input[, ct]) => service.Method(ctx, input[, ct]))</c>: exactly one invocation in the
    /// body whose explicit arguments are the lambda's Context and input parameters (and token), nothing else.
    /// </summary>
    private static ServiceRegistration? FromLambda(string name, IAnonymousFunctionOperation lambda, ITypeSymbol output, KnownSymbols symbols, SyntaxNode syntax)
    {
        var parameters = lambda.Symbol.Parameters;
        if (parameters.Length < 2)
        {
            return null;
        }

        var context = parameters[0];
        var input = parameters[1];
        var token = parameters.Length > 2 ? parameters[2] : null;
        ServiceRegistration? found = null;
        foreach (var descendant in lambda.Body.Descendants())
        {
            if (descendant is not IInvocationOperation invocation)
            {
                continue;
            }

            int contextOrdinal = -1, inputOrdinal = -1, tokenOrdinal = -1;
            var forwards = true;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var ordinal = argument.Parameter?.Ordinal ?? -1;
                var parameter = (Unwrap(argument.Value) as IParameterReferenceOperation)?.Parameter;
                if (ordinal < 0 || parameter is null || argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    forwards = false;
                }
                else if (SymbolEqualityComparer.Default.Equals(parameter, context))
                {
                    contextOrdinal = ordinal;
                }
                else if (SymbolEqualityComparer.Default.Equals(parameter, input))
                {
                    inputOrdinal = ordinal;
                }
                else if (token is not null && SymbolEqualityComparer.Default.Equals(parameter, token))
                {
                    tokenOrdinal = ordinal;
                }
                else
                {
                    forwards = false;
                }
            }

            if (!forwards || contextOrdinal < 0 || inputOrdinal < 0)
            {
                continue;
            }

            if (found is not null)
            {
                // The handler forwards to two methods: it is not one service method.
                return null;
            }

            found = new ServiceRegistration(name, invocation.TargetMethod.OriginalDefinition, contextOrdinal, inputOrdinal, tokenOrdinal, output, syntax);
        }

        return found is not null && symbols.IsContext(found.Method.Parameters[found.ContextOrdinal].Type) ? found : null;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
