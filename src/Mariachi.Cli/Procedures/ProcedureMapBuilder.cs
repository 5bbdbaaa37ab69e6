using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Cli.Procedures;

/// <summary>
/// Reads the procedure map of a solution with the analyzers' one procedure model (<see cref="ProcedureModel"/>):
/// every <c>Register</c> (name, input and output, the services its handler reaches), <c>CallAsync</c>,
/// <c>PublishAsync</c> and <c>SubscribeAsync</c> with a constant name, in each project's compilation.
/// </summary>
internal static class ProcedureMapBuilder
{
    private static readonly HashSet<string> Names = [ProcedureModel.RegisterName, ProcedureModel.CallName, "PublishAsync", "SubscribeAsync"];

    public static async Task<ProcedureMap> BuildAsync(Solution solution, IReadOnlyList<ProjectId> projects, string rootDirectory, CancellationToken cancellationToken)
    {
        var registrations = new List<(string Name, string Input, string Output, Site Site, IReadOnlyList<string> Services)>();
        var calls = new List<(string Name, Site Site)>();
        var events = new List<(string Name, bool Publish, Site Site)>();
        foreach (var id in projects)
        {
            var project = solution.GetProject(id)!;
            if (await project.GetCompilationAsync(cancellationToken) is not { } compilation)
            {
                continue;
            }

            var symbols = KnownSymbols.Create(compilation);
            if (!symbols.HasMariachi)
            {
                continue;
            }

            var projectName = project.FilePath is { } file ? Path.GetFileNameWithoutExtension(file) : project.Name;
            foreach (var tree in compilation.SyntaxTrees.Where(t => !t.FilePath.Contains("/obj/", StringComparison.Ordinal) && !t.FilePath.Contains("\\obj\\", StringComparison.Ordinal)))
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in (await tree.GetRootAsync(cancellationToken)).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (!Names.Contains(LastName(node.Expression)) || model.GetOperation(node, cancellationToken) is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    var site = Where(node, model, projectName, rootDirectory, cancellationToken);
                    if (CatalogRegistration.Create(invocation, symbols) is { } registration)
                    {
                        registrations.Add((registration.Name, Display(registration.Input), Display(registration.Output), site, Services(invocation, symbols, site.Type)));
                    }
                    else if (ProcedureCallSite.Create(invocation, symbols) is { } call)
                    {
                        calls.Add((call.Name, site));
                    }
                    else if (ProcedureModel.ConstantNameOfCall(invocation, symbols, out var kind) is { } name && kind is ProcedureCallKind.Publish or ProcedureCallKind.Subscribe)
                    {
                        events.Add((name, kind == ProcedureCallKind.Publish, site));
                    }
                }
            }
        }

        var procedures = registrations.Select(r => r.Name).Concat(calls.Select(c => c.Name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var registered = registrations.Where(r => r.Name == name).ToList();
                return new ProcedureEntry(
                    name,
                    registered.Select(r => r.Input).FirstOrDefault() ?? "?",
                    registered.Select(r => r.Output).FirstOrDefault() ?? "?",
                    registered.Select(r => r.Site).ToList(),
                    registered.SelectMany(r => r.Services).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                    calls.Where(c => c.Name == name).Select(c => c.Site).ToList());
            })
            .ToList();
        var eventEntries = events.Select(e => e.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(name => new EventEntry(
                name,
                events.Where(e => e.Name == name && e.Publish).Select(e => e.Site).ToList(),
                events.Where(e => e.Name == name && !e.Publish).Select(e => e.Site).ToList()))
            .ToList();
        return new ProcedureMap(procedures, eventEntries);
    }

    /// <summary>
    /// The source types whose methods the handler calls or passes as a method group (the services behind the
    /// procedure); the registering type itself when the handler reaches none (a module registering its own methods
    /// through a lambda that does the work inline).
    /// </summary>
    private static IReadOnlyList<string> Services(IInvocationOperation invocation, KnownSymbols symbols, string registeringType)
    {
        var handler = ProcedureModel.HandlerArgument(invocation, symbols)?.Value;
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in handler?.DescendantsAndSelf() ?? [])
        {
            var method = operation switch
            {
                IMethodReferenceOperation reference => reference.Method,
                IInvocationOperation call => call.TargetMethod,
                _ => null,
            };
            if (method?.ContainingType is { } type && type.Locations.Any(l => l.IsInSource) && type.TypeKind is TypeKind.Class or TypeKind.Struct)
            {
                types.Add(type.Name);
            }
        }

        return types.Count > 0 ? [.. types] : [registeringType];
    }

    private static Site Where(SyntaxNode node, SemanticModel model, string project, string root, CancellationToken cancellationToken)
    {
        var span = node.GetLocation().GetLineSpan();
        var type = model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is { } symbol
            ? (symbol as INamedTypeSymbol ?? symbol.ContainingType)?.Name ?? "<top-level>"
            : "<top-level>";
        if (type == "Program" && node.Ancestors().OfType<GlobalStatementSyntax>().Any())
        {
            type = "<top-level>";
        }

        return new Site(project, Path.GetRelativePath(root, span.Path).Replace('\\', '/'), span.StartLinePosition.Line + 1, type);
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string LastName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => string.Empty,
    };
}
