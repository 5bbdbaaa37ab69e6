using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// One entry of a compilation's own procedure catalog: a <c>Register</c> call with a constant name (directly or
/// through a <c>Procedure&lt;TIn, TOut&gt;</c> handle), the handler's input and output types, and where it is.
/// </summary>
internal sealed class CatalogRegistration
{
    private CatalogRegistration(string name, ITypeSymbol input, ITypeSymbol output, IInvocationOperation invocation)
    {
        Name = name;
        Input = input;
        Output = output;
        Invocation = invocation;
    }

    public string Name { get; }

    public ITypeSymbol Input { get; }

    public ITypeSymbol Output { get; }

    public IInvocationOperation Invocation { get; }

    /// <summary>
    /// The registration made by <paramref name="invocation"/>, or null when it is not a <c>Register</c> call or its
    /// name is not a constant. A handle declared in another file is read with that file's semantic model.
    /// </summary>
    public static CatalogRegistration? Create(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        if (method is null || method.TypeArguments.Length != 2 || !ProcedureModel.IsRegister(invocation, symbols))
        {
            return null;
        }

        var name = ProcedureModel.GetConstantName(invocation, symbols, out var unresolved);
        if (name is null && unresolved is not null)
        {
            name = ProcedureModel.ConstantNameOfMember(unresolved, symbols);
        }

        return name is null ? null : new CatalogRegistration(name, method.TypeArguments[0], method.TypeArguments[1], invocation);
    }
}
