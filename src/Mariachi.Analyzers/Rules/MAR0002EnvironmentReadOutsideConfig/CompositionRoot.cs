using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Analyzers.Core;

/// <summary>
/// MAR0002's composition root: the code that sets the application up, which belongs to the config layer wherever its
/// namespace is. Types are matched by metadata name, so no package reference is needed to tell them.
/// </summary>
internal static class CompositionRoot
{
    /// <summary>The assembly every Aspire AppHost (and every hosting integration) references.</summary>
    internal const string AspireHostingAssembly = "Aspire.Hosting";

    /// <summary>Set by the Aspire AppHost SDK; visible to analyzers only when a build makes it a <c>CompilerVisibleProperty</c>.</summary>
    internal const string IsAspireHostProperty = "build_property.IsAspireHost";

    private const string ConfigurePrefix = "Configure";

    private const string DesignTimeFactory = "Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory`1";

    /// <summary>
    /// The builders of the host, its services and its configuration. The request pipeline (<c>IApplicationBuilder</c>,
    /// <c>IEndpointRouteBuilder</c>, <c>WebApplication</c>) is not among them: the lambdas given to it run per request.
    /// </summary>
    private static readonly HashSet<string> Builders = new HashSet<string>(StringComparer.Ordinal)
    {
        "Microsoft.Extensions.DependencyInjection.IServiceCollection",
        "Microsoft.Extensions.Hosting.IHostBuilder",
        "Microsoft.Extensions.Hosting.IHostApplicationBuilder",
        "Microsoft.Extensions.Hosting.HostApplicationBuilder",
        "Microsoft.AspNetCore.Builder.WebApplicationBuilder",
        "Microsoft.AspNetCore.Hosting.IWebHostBuilder",
        "Microsoft.Extensions.Configuration.IConfigurationBuilder",
        "Microsoft.Extensions.Logging.ILoggingBuilder",
        "Microsoft.Extensions.Options.OptionsBuilder`1",
        "Microsoft.Extensions.DependencyInjection.IHttpClientBuilder",
        "Microsoft.Extensions.DependencyInjection.IHealthChecksBuilder",
        "Microsoft.Extensions.DependencyInjection.IMvcBuilder",
        "Microsoft.Extensions.DependencyInjection.IMvcCoreBuilder",
        "Microsoft.AspNetCore.Authentication.AuthenticationBuilder",
    };

    /// <summary>True for an Aspire AppHost: the compilation references Aspire.Hosting, or the build says so.</summary>
    public static bool IsAspireHost(KnownSymbols symbols, AnalyzerConfigOptions globalOptions) =>
        (globalOptions.TryGetValue(IsAspireHostProperty, out var value) && bool.TryParse(value.Trim(), out var isHost) && isHost)
        || symbols.References(AspireHostingAssembly);

    /// <summary>
    /// True when <paramref name="operation"/> runs as part of setting the application up: inside a method, local
    /// function or lambda that takes a builder (a builder extension method, <c>Startup.ConfigureServices</c>), inside a
    /// lambda given to a <c>Configure*</c> method of a builder, or in an EF Core design-time DbContext factory.
    /// </summary>
    public static bool Contains(IOperation operation, ISymbol? containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda when TakesBuilder(lambda.Symbol) || IsGivenToConfigure(lambda):
                case ILocalFunctionOperation local when TakesBuilder(local.Symbol):
                    return true;
            }
        }

        return TakesBuilder(containingSymbol as IMethodSymbol) || IsInDesignTimeFactory(containingSymbol?.ContainingType);
    }

    private static bool TakesBuilder(IMethodSymbol? method) =>
        method is not null && method.Parameters.Any(p => IsBuilder(p.Type));

    /// <summary>A lambda passed (directly or as a delegate) to a method named <c>Configure*</c> whose receiver is a builder.</summary>
    private static bool IsGivenToConfigure(IAnonymousFunctionOperation lambda)
    {
        var argument = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
        if (argument is not IArgumentOperation { Parent: IInvocationOperation invocation }
            || !invocation.TargetMethod.Name.StartsWith(ConfigurePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var method = invocation.TargetMethod;
        if (!method.IsExtensionMethod)
        {
            return IsBuilder(invocation.Instance?.Type ?? method.ContainingType);
        }

        // The receiver of an extension call is its first argument; its declared type may be a type parameter.
        var receiver = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        while (receiver is IConversionOperation conversion)
        {
            receiver = conversion.Operand;
        }

        return IsBuilder(receiver?.Type) || (method.Parameters.Length > 0 && IsBuilder(method.Parameters[0].Type));
    }

    /// <summary>A builder type, a type implementing or deriving from one, or a type parameter constrained to one.</summary>
    private static bool IsBuilder(ITypeSymbol? type)
    {
        switch (type)
        {
            case ITypeParameterSymbol parameter:
                return parameter.ConstraintTypes.Any(IsBuilder);
            case INamedTypeSymbol named:
                for (var current = named; current is not null; current = current.BaseType)
                {
                    if (IsBuilderName(current))
                    {
                        return true;
                    }
                }

                return named.AllInterfaces.Any(IsBuilderName);
            default:
                return false;
        }
    }

    private static bool IsInDesignTimeFactory(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.AllInterfaces.Any(i => FullMetadataName(i) == DesignTimeFactory))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBuilderName(INamedTypeSymbol type) => Builders.Contains(FullMetadataName(type));

    /// <summary><c>Namespace.Name`Arity</c> of the type's definition (nested types are never builders here).</summary>
    private static string FullMetadataName(INamedTypeSymbol type)
    {
        var ns = type.OriginalDefinition.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace
            ? type.OriginalDefinition.MetadataName
            : ns.ToDisplayString() + "." + type.OriginalDefinition.MetadataName;
    }
}
