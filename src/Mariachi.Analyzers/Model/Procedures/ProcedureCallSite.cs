using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// A <c>CallAsync</c> with a constant procedure name (a string or a <c>Procedure&lt;TIn, TOut&gt;</c> handle): the
/// name, the static type of its input and the output it asks for, with the places to report them.
/// </summary>
internal sealed class ProcedureCallSite
{
    private ProcedureCallSite(string name, IOperation nameValue, ITypeSymbol? input, bool inputIsNull, ITypeSymbol output, Location inputLocation, Location outputLocation)
    {
        Name = name;
        NameValue = nameValue;
        Input = input;
        InputIsNull = inputIsNull;
        Output = output;
        InputLocation = inputLocation;
        OutputLocation = outputLocation;
    }

    public string Name { get; }

    /// <summary>The name argument's value: the string or the handle.</summary>
    public IOperation NameValue { get; }

    /// <summary>The input's static type (before its conversion to <c>object</c>); null for the null literal or an unknown type.</summary>
    public ITypeSymbol? Input { get; }

    public bool InputIsNull { get; }

    /// <summary>The output the call asks for (<c>TOut</c>).</summary>
    public ITypeSymbol Output { get; }

    public Location InputLocation { get; }

    /// <summary>The call's method name with its type arguments (<c>CallAsync&lt;Order&gt;</c>).</summary>
    public Location OutputLocation { get; }

    public static ProcedureCallSite? Create(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method is null
            || invocation.Syntax is not InvocationExpressionSyntax syntax
            || ProcedureModel.Classify(method, symbols, out var nameOrdinal) != ProcedureCallKind.Call
            || Argument(invocation, nameOrdinal) is not { } nameArgument
            || Argument(invocation, nameOrdinal + 2) is not { } inputArgument
            || ProcedureModel.GetConstantNameOfValue(nameArgument.Value, symbols) is not { } name)
        {
            return null;
        }

        // By name: CallAsync<TOut>(name, context, object? input); by handle: CallAsync<TIn, TOut>(handle, context, TIn input).
        ITypeSymbol? input;
        bool inputIsNull;
        if (method.TypeArguments.Length == 1)
        {
            var value = inputArgument.Value;
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            input = value.Type;
            inputIsNull = value.Type is null && value.ConstantValue is { HasValue: true, Value: null };
        }
        else
        {
            input = method.TypeArguments[0];
            inputIsNull = false;
        }

        var calledName = syntax.Expression is MemberAccessExpressionSyntax access ? access.Name : syntax.Expression;
        return new ProcedureCallSite(
            name,
            nameArgument.Value,
            input,
            inputIsNull,
            method.TypeArguments[method.TypeArguments.Length - 1],
            inputArgument.Syntax.GetLocation(),
            calledName.GetLocation());
    }

    private static IArgumentOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal && !argument.IsImplicit)
            {
                return argument;
            }
        }

        return null;
    }
}
