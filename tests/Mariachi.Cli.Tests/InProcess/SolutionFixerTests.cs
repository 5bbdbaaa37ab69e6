using Mariachi.Cli.Analysis;
using Mariachi.Cli.Fixing;

namespace Mariachi.Cli.Tests.InProcess;

public sealed class SolutionFixerTests
{
    private const string Service = """
        using Mariachi;

        namespace Shop;

        public sealed class OrderService
        {
            public Task<string> SaveAsync(Context ctx, string input) => Task.FromResult(input);

            public Task<string> CreateAsync(Context ctx, string input) => SaveAsync(null!, input);

            public Task<string> RenameAsync(Context ctx, string input) => SaveAsync(default!, input + "!");
        }
        """;

    private const string Registrations = """
        using Mariachi.Communication;

        namespace Shop;

        public static class Registrations
        {
            public static void Register(ICommunication communication, OrderService orders)
            {
                communication.Register<string, string>("orders.create", orders.CreateAsync);
                communication.Register<string, string>("orders.create", orders.RenameAsync);
            }
        }
        """;

    [Fact]
    public async Task Every_fixable_finding_is_fixed_through_fix_all_and_the_rest_is_listed()
    {
        var (solution, projects) = AdhocSolutions.Create(("Shop", [("OrderService.cs", Service), ("Registrations.cs", Registrations)], []));

        var outcome = await SolutionFixer.FixAsync(solution, projects, [], MariachiAnalyzerReferences.Analyzers, CancellationToken.None);

        var fixedText = (await outcome.Solution.Projects.Single().Documents.Single(d => d.Name == "OrderService.cs").GetTextAsync()).ToString();
        Assert.Contains("=> SaveAsync(ctx, input);", fixedText, StringComparison.Ordinal);
        Assert.Contains("=> SaveAsync(ctx, input + \"!\");", fixedText, StringComparison.Ordinal);
        Assert.Equal(["/repo/Shop/OrderService.cs"], outcome.Changed.Select(c => c.Path));
        Assert.Equal(2, outcome.Fixed["MAR0003"]);
        // The duplicate registration has no fix: it stays, twice (each registration is reported).
        Assert.Equal(["MAR0004", "MAR0004"], outcome.Unfixable.Select(d => d.Id));
    }

    [Fact]
    public async Task Only_the_rules_asked_for_are_fixed_and_reported()
    {
        var (solution, projects) = AdhocSolutions.Create(("Shop", [("OrderService.cs", Service), ("Registrations.cs", Registrations)], []));

        var outcome = await SolutionFixer.FixAsync(solution, projects, ["MAR0004"], MariachiAnalyzerReferences.Analyzers, CancellationToken.None);

        Assert.Empty(outcome.Changed);
        Assert.Empty(outcome.Fixed);
        Assert.Equal(["MAR0004", "MAR0004"], outcome.Unfixable.Select(d => d.Id));
    }

    [Fact]
    public async Task A_referenced_project_outside_the_ones_fixed_is_never_changed()
    {
        // As MSBuildWorkspace loads a sample whose project references the library's own source.
        var (solution, projects) = AdhocSolutions.Create(
            ("Lib", [("OrderService.cs", Service)], []),
            ("Shop", [("Registrations.cs", Registrations), ("CartService.cs", Service.Replace("OrderService", "CartService", StringComparison.Ordinal).Replace("namespace Shop;", "namespace Shop.Cart;", StringComparison.Ordinal))], ["Lib"]));

        var outcome = await SolutionFixer.FixAsync(solution, [projects[1]], [], MariachiAnalyzerReferences.Analyzers, CancellationToken.None);

        // The shop's own finding is fixed (a solution-wide FixAll), the library's identical one is not.
        Assert.Equal(["/repo/Shop/CartService.cs"], outcome.Changed.Select(c => c.Path));
        var library = outcome.Solution.GetProject(projects[0])!.Documents.Single(d => d.Name == "OrderService.cs");
        Assert.Contains("SaveAsync(null!, input)", (await library.GetTextAsync()).ToString(), StringComparison.Ordinal);
        Assert.Contains(outcome.Unfixable, d => d.Id == "MAR0004");
        Assert.DoesNotContain(outcome.Unfixable, d => d.Id == "MAR0003");
    }
}
