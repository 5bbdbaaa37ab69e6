using System.Text.RegularExpressions;

namespace Mariachi.Analyzers.Package.Tests;

/// <summary>
/// The procedure catalog across real projects: samples/Orders (Orders.Contracts declares the handles,
/// Orders.Services registers them, Orders.Api calls them) copied out of the repository, built with
/// <c>dotnet build</c> against the packed packages, as is and with the mistakes MAR0004, MAR0012 and MAR0013 catch
/// only across projects.
/// </summary>
public sealed partial class OrdersSampleCatalogTests(PackagedOrders orders) : IClassFixture<PackagedOrders>
{
    [Fact]
    public async Task The_sample_builds_clean_and_the_services_assembly_carries_its_catalog()
    {
        var copy = orders.NewCopy();

        var build = await DotNet.RunAsync(copy, "build", "Orders.Api/Orders.Api.csproj", "-p:EmitCompilerGeneratedFiles=true");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(PackagedConsumer.Ids(build.Output, "warning"));
        var catalog = GeneratedCatalog(copy, "Orders.Services");
        Assert.Contains("ProcedureCatalogEntryAttribute(\"orders.create\", typeof(global::Orders.Contracts.CreateOrder), typeof(global::Orders.Contracts.OrderView))", catalog, StringComparison.Ordinal);
        Assert.Contains("ProcedureHandleNameAttribute(typeof(global::Orders.Contracts.OrderProcedures), \"Create\", \"orders.create\")", GeneratedCatalog(copy, "Orders.Contracts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typo_a_wrong_input_and_a_second_registration_in_the_api_are_reported_there()
    {
        var copy = orders.NewCopy();
        var controller = Path.Combine(copy, "Orders.Api", "Controllers", "OrdersController.cs");
        var text = await File.ReadAllTextAsync(controller);
        text = Replace(text, "communication.CallAsync(OrderProcedures.Create, ctx, input, cancellationToken)", "communication.CallAsync<OrderView>(\"orders.craete\", ctx, input, cancellationToken)");
        text = Replace(text, "communication.CallAsync(OrderProcedures.Get, ctx, new GetOrder(id), cancellationToken)", "communication.CallAsync<OrderView>(\"orders.get\", ctx, id, cancellationToken)");
        await File.WriteAllTextAsync(controller, text);
        await File.WriteAllTextAsync(Path.Combine(copy, "Orders.Api", "LocalProcedures.cs"), """
            using Mariachi.Communication;
            using Orders.Contracts;

            namespace Orders.Api;

            internal static class LocalProcedures
            {
                public static void Register(ICommunication communication) =>
                    communication.Register<CancelOrder, bool>("orders.cancel", (ctx, input) => Task.FromResult(true));
            }
            """);

        var build = await DotNet.RunAsync(copy, "build", "Orders.Api/Orders.Api.csproj");

        Assert.True(build.ExitCode == 0, build.ToString());
        var lines = MariachiLines(build.Output);
        Assert.Contains(lines, l => l.StartsWith("Orders.Api/Controllers/OrdersController.cs", StringComparison.Ordinal)
            && l.Contains("warning MAR0012: Procedure 'orders.craete' is not registered by this project or the projects it references; did you mean 'orders.create'?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Orders.Api/Controllers/OrdersController.cs", StringComparison.Ordinal)
            && l.Contains("warning MAR0013: Procedure 'orders.get' takes input 'Orders.Contracts.GetOrder', but this call passes 'System.Guid'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Orders.Api/LocalProcedures.cs", StringComparison.Ordinal)
            && l.Contains("warning MAR0004: Procedure 'orders.cancel' is registered more than once (also by referenced assembly 'Orders.Services')", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count);
    }

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text, StringComparison.Ordinal);
        return text.Replace(old, replacement, StringComparison.Ordinal);
    }

    private static string GeneratedCatalog(string copy, string project)
    {
        var file = Directory.EnumerateFiles(Path.Combine(copy, project, "obj"), "Mariachi.ProcedureCatalog.g.cs", SearchOption.AllDirectories).SingleOrDefault();
        Assert.True(file is not null, $"{project} has no generated catalog");
        return File.ReadAllText(file);
    }

    /// <summary>Each distinct MAR diagnostic line, with its path from the copy's root and without help link and project.</summary>
    private static List<string> MariachiLines(string output) =>
        DiagnosticLine().Matches(output).Select(m => m.Groups["file"].Value.Replace('\\', '/') + m.Groups["message"].Value).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"copy-[0-9a-f]{8}[/\\](?<file>[^(\r\n\[]+)(?<message>\(\d+,\d+\): warning MAR\d{4}: [^\r\n]*?) \(https://[^\s)]+\) \[[^\]\r\n]+\]")]
    private static partial Regex DiagnosticLine();
}

/// <summary>samples/Orders' Contracts, Services and Api, with their Mariachi project references turned into package references.</summary>
public sealed partial class PackagedOrders() : RestoredProject("mariachi-orders-")
{
    private static readonly string[] Projects = ["Orders.Contracts", "Orders.Services", "Orders.Api"];

    private protected override async Task WriteAsync(LocalFeed feed)
    {
        var sample = Path.Combine(Repository.Root, "samples", "Orders");

        // The copy has no central package management: its other package references take the repository's versions.
        var versions = PackageVersion().Matches(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "Directory.Packages.props")))
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["version"].Value, StringComparer.Ordinal);
        foreach (var project in Projects)
        {
            ScratchFolder.CopySources(Path.Combine(sample, project), Path.Combine(Template, project));
            var file = Path.Combine(Template, project, project + ".csproj");
            var text = ToPackageReferences(await File.ReadAllTextAsync(file), feed);
            text = VersionlessPackageReference().Replace(text, m => $"<PackageReference Include=\"{m.Groups["id"].Value}\" Version=\"{versions[m.Groups["id"].Value]}\" />");
            await File.WriteAllTextAsync(file, text);
        }

        // The file Orders.Api links from the sample's folder (its OpenTelemetry set-up).
        File.Copy(Path.Combine(sample, "OrdersTelemetry.cs"), Path.Combine(Template, "OrdersTelemetry.cs"));

        // What samples/Orders/Directory.Build.props adds to the repository's.
        await WriteBuildPropsAsync("net10.0");
        await File.WriteAllTextAsync(
            Path.Combine(Template, "Orders.slnx"),
            "<Solution>\n" + string.Concat(Projects.Select(p => $"  <Project Path=\"{p}/{p}.csproj\" />\n")) + "</Solution>\n");
    }

    [GeneratedRegex(@"<PackageReference Include=""(?<id>[^""]+)"" />")]
    private static partial Regex VersionlessPackageReference();

    [GeneratedRegex(@"<PackageVersion Include=""(?<id>[^""]+)"" Version=""(?<version>[^""]+)"" />")]
    private static partial Regex PackageVersion();
}
