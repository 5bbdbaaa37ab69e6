using Mariachi.Analyzers;
using Mariachi.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mariachi.Cli.Analysis.SolutionWide;

/// <summary>
/// MAR0015 Service without a test (test-for-every-service): a service type (<see cref="ServiceTypes"/>, in a
/// project that uses Mariachi's communication) that no test project references in its code, and none of whose
/// procedures a test project calls, itself or through the projects it references (an HTTP test of the API whose
/// controllers call them counts). A procedure is served by a type when its <c>Register</c> call is in the type or
/// its handler uses a member of the type (or of an interface or base of it). Only where the solution has a test project.
/// </summary>
internal static class ServicesWithoutTests
{
    public static Dictionary<ProjectFacts, List<Diagnostic>> Find(IReadOnlyList<ProjectFacts> projects, Solution solution, CancellationToken cancellationToken)
    {
        var found = new Dictionary<ProjectFacts, List<Diagnostic>>();
        var tests = projects.Where(p => p.IsTest).ToList();
        if (tests.Count == 0)
        {
            return found;
        }

        var candidates = projects.Where(p => !p.IsTest && p.UsesCommunication)
            .SelectMany(p => Candidates(p, cancellationToken).Select(type => (Project: p, Type: type)))
            .ToList();
        if (candidates.Count == 0)
        {
            return found;
        }

        var served = ServedNames(projects.Where(p => !p.IsTest), cancellationToken);
        var calledByTests = CalledByTests(tests, projects, solution);
        var referencedByTests = ReferencedByTests(tests, candidates.Select(c => c.Type.Name).ToHashSet(StringComparer.Ordinal), cancellationToken);
        foreach (var (project, type) in candidates)
        {
            var names = new[] { type }.Concat(type.AllInterfaces).Concat(BaseTypes(type))
                .SelectMany(t => served.TryGetValue(Key(t), out var n) ? n : [])
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (referencedByTests.Contains(Key(type)) || names.Any(calledByTests.Contains) || type.Locations.FirstOrDefault(l => l.IsInSource) is not { } location)
            {
                continue;
            }

            if (!found.TryGetValue(project, out var list))
            {
                found[project] = list = [];
            }

            var procedures = names.Count == 0 ? "" : " (" + string.Join(", ", names.Select(n => "'" + n + "'")) + ")";
            list.Add(Diagnostic.Create(DiagnosticDescriptors.ServiceWithoutTest, location, type.Name, procedures));
        }

        return found;
    }

    /// <summary>The same type in any compilation of the solution: its assembly and full name.</summary>
    private static string Key(ITypeSymbol type) =>
        type.OriginalDefinition.ContainingAssembly?.Name + "|" + type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static IEnumerable<INamedTypeSymbol> Candidates(ProjectFacts project, CancellationToken cancellationToken)
    {
        var options = OptionsCache.Of(project.Compilation, project.Options);
        var services = new ServiceTypes(project.Compilation);
        foreach (var symbol in project.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol { TypeKind: TypeKind.Class, IsStatic: false, IsAbstract: false, IsImplicitlyDeclared: false } type
                && type.Locations.FirstOrDefault(l => l.IsInSource) is { } location
                && !location.SourceTree!.FilePath.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase)
                && services.IsService(type, options.For(location.SourceTree)))
            {
                yield return type;
            }
        }
    }

    /// <summary>The procedure names each type serves, by <see cref="Key"/>.</summary>
    private static Dictionary<string, HashSet<string>> ServedNames(IEnumerable<ProjectFacts> projects, CancellationToken cancellationToken)
    {
        var served = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(ITypeSymbol? type, string name)
        {
            if (type is null || type.SpecialType != SpecialType.None)
            {
                return;
            }

            if (!served.TryGetValue(Key(type), out var names))
            {
                served[Key(type)] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            names.Add(name);
        }

        foreach (var project in projects)
        {
            foreach (var registration in project.Registrations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var invocation = registration.Invocation;
                var model = invocation.SemanticModel;
                Add(model?.GetEnclosingSymbol(invocation.Syntax.SpanStart, cancellationToken)?.ContainingType, registration.Name);
                if (ProcedureModel.HandlerArgument(invocation, project.Symbols) is not { } handler)
                {
                    continue;
                }

                foreach (var operation in handler.Value.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IInvocationOperation call:
                            Add(call.TargetMethod.ContainingType, registration.Name);
                            Add(call.Instance?.Type, registration.Name);
                            break;
                        case IMethodReferenceOperation method:
                            Add(method.Method.ContainingType, registration.Name);
                            Add(method.Instance?.Type, registration.Name);
                            break;
                        case IPropertyReferenceOperation property:
                            Add(property.Property.ContainingType, registration.Name);
                            break;
                    }
                }
            }
        }

        return served;
    }

    /// <summary>The procedure names called by test projects and by the projects they reference.</summary>
    private static HashSet<string> CalledByTests(List<ProjectFacts> tests, IReadOnlyList<ProjectFacts> projects, Solution solution)
    {
        var byId = projects.ToDictionary(p => p.Project.Id);
        var graph = solution.GetProjectDependencyGraph();
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            called.UnionWith(test.CalledNames);
            foreach (var dependency in graph.GetProjectsThatThisProjectTransitivelyDependsOn(test.Project.Id))
            {
                if (byId.TryGetValue(dependency, out var referenced))
                {
                    called.UnionWith(referenced.CalledNames);
                }
            }
        }

        return called;
    }

    /// <summary>The types (by <see cref="Key"/>) that test code names, among those called <paramref name="names"/>.</summary>
    private static HashSet<string> ReferencedByTests(List<ProjectFacts> tests, HashSet<string> names, CancellationToken cancellationToken)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var test in tests)
        {
            foreach (var tree in test.Compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var name in tree.GetRoot(cancellationToken).DescendantNodes().OfType<SimpleNameSyntax>().Where(n => names.Contains(n.Identifier.ValueText)))
                {
                    model ??= test.Compilation.GetSemanticModel(tree);
                    var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
                    if ((symbol as INamedTypeSymbol ?? symbol?.ContainingType) is { } type)
                    {
                        referenced.Add(Key(type));
                    }
                }
            }
        }

        return referenced;
    }
}
