using Mariachi.Analyzers;
using Mariachi.Analyzers.Core;
using Mariachi.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mariachi.Cli.Analysis.SolutionWide;

/// <summary>
/// MAR0004 across the solution: a name registered by two projects, whichever references which, including two
/// services hosted in different processes that never reference each other. Test projects (which register fakes)
/// take no part. Each registration is reported in its own project; one the build already reports there (a
/// referenced assembly's catalog has the name) is left to the analyzer.
/// </summary>
internal static class CrossProjectDuplicates
{
    /// <returns>The diagnostics per project, before its configuration is applied.</returns>
    public static Dictionary<ProjectFacts, List<Diagnostic>> Find(IReadOnlyList<ProjectFacts> projects)
    {
        var found = new Dictionary<ProjectFacts, List<Diagnostic>>();
        var byName = projects.Where(p => !p.IsTest)
            .SelectMany(p => p.Registrations.Select(r => (Project: p, Registration: r)))
            .GroupBy(e => e.Registration.Name, StringComparer.Ordinal);
        foreach (var group in byName)
        {
            var owners = group.Select(e => e.Project).Distinct().ToList();
            if (owners.Count < 2)
            {
                continue;
            }

            foreach (var (project, registration) in group)
            {
                var others = owners.Where(o => o != project).Select(o => "'" + o.Name + "'").Order(StringComparer.Ordinal);
                if (registration.Invocation.Syntax is not InvocationExpressionSyntax syntax)
                {
                    continue;
                }

                var location = DuplicateProcedureNameAnalyzerBase.RegistrationLocation(syntax, ProcedureModel.NameArgument(registration.Invocation, project.Symbols));
                if (!found.TryGetValue(project, out var list))
                {
                    found[project] = list = [];
                }

                list.Add(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateProcedureName, location, registration.Name, $" (also by project {string.Join(", ", others)})"));
            }
        }

        return found;
    }
}
