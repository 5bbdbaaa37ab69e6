using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>MAR0002's engine, shared by the analyzer and the code fix: which calls read the environment.</summary>
internal static class EnvironmentReads
{
    internal const string GetEnvironmentVariable = "GetEnvironmentVariable";
    internal const string GetEnvironmentVariables = "GetEnvironmentVariables";
    internal const string ExpandEnvironmentVariables = "ExpandEnvironmentVariables";

    /// <summary>The text gate: each of the three names contains this word, so code that reads the environment spells it.</summary>
    internal static readonly TextMentions Mentions = new TextMentions("EnvironmentVariable");

    /// <summary>True for the Environment members that read environment variables.</summary>
    internal static bool IsEnvironmentRead(IMethodSymbol? method, INamedTypeSymbol? environment) =>
        method is not null
        && environment is not null
        && IsReadName(method.Name)
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, environment);

    /// <summary>True for the names of the three reads: decided before <c>System.Environment</c> is resolved.</summary>
    internal static bool IsReadName(string? name) => name is GetEnvironmentVariable or GetEnvironmentVariables or ExpandEnvironmentVariables;

    /// <summary>The variable name passed to GetEnvironmentVariable when it is a compile-time constant.</summary>
    internal static string? ConstantVariableName(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
            }
        }

        return null;
    }
}
