using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mariachi.Analyzers.Core;

/// <summary>What a controller does with a service where MAR0001 reports it; the message says it and what to do instead.</summary>
internal enum ReferenceSite
{
    /// <summary>The type of a field, property, parameter, local, return value or type argument.</summary>
    Declaration,

    /// <summary><c>is</c>, <c>as</c>, a type pattern or <c>typeof</c>.</summary>
    TypeCheck,

    /// <summary>A cast to the service type.</summary>
    Cast,

    /// <summary><c>new OrderService(...)</c>.</summary>
    Creation,

    /// <summary>An invocation or a method group (also of an extension method on the service).</summary>
    Call,

    /// <summary>A property, field or event access.</summary>
    MemberUse,

    /// <summary>A constant declared on the service.</summary>
    Constant,
}

/// <summary>The format arguments of MAR0001's message at each <see cref="ReferenceSite"/>.</summary>
internal static class ReferenceSites
{
    private const string CallAdvice = "call the procedure through ICommunication.CallAsync instead";

    /// <summary>The site of a type syntax under one of the type-bearing nodes the analyzer visits.</summary>
    public static ReferenceSite OfTypeSyntax(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.ObjectCreationExpression => ReferenceSite.Creation,
        SyntaxKind.CastExpression => ReferenceSite.Cast,
        SyntaxKind.IsExpression or SyntaxKind.AsExpression or SyntaxKind.TypeOfExpression or SyntaxKind.DeclarationPattern
            or SyntaxKind.TypePattern or SyntaxKind.RecursivePattern => ReferenceSite.TypeCheck,
        _ => ReferenceSite.Declaration,
    };

    /// <summary>
    /// The arguments of "Controller code {0} service type '{1}'; {2}": what the code does (naming the member for
    /// member uses), the service type, and the advice that fits.
    /// </summary>
    public static object[] MessageArguments(ReferenceSite site, string serviceType, ISymbol? member = null, bool extension = false) => site switch
    {
        ReferenceSite.Declaration => new object[] { "depends on", serviceType, "take ICommunication instead and call the service's procedures through it" },
        ReferenceSite.TypeCheck => new object[] { "checks for", serviceType, "controllers should not depend on which service implements a procedure" },
        ReferenceSite.Cast => new object[] { "casts to", serviceType, "controllers should not depend on which service implements a procedure" },
        ReferenceSite.Creation => new object[] { "creates", serviceType, "register the service's procedures and " + CallAdvice },
        ReferenceSite.Call => new object[] { (extension ? "calls extension method '" : "calls '") + member?.Name + (extension ? "' on" : "' of"), serviceType, CallAdvice },
        ReferenceSite.Constant => new object[] { "reads constant '" + member?.Name + "' of", serviceType, "move the constant to a type that the controller and the service share" },
        _ => new object[] { "uses '" + member?.Name + "' of", serviceType, "get the value from a procedure through ICommunication.CallAsync instead" },
    };
}
