namespace Mariachi.Analyzers.Package.Tests.Templates;

/// <summary>
/// The templates refuse a name the runtime or the compiler would reject, write nothing, and say so: the template
/// engine has no input validation, so its "created successfully" line comes first and the refusal says it is wrong.
/// </summary>
[Collection(GeneratedApps.Collection)]
public sealed class TemplateNameTests(GeneratedApps apps)
{
    [Theory]
    [InlineData("mariachi-procedure -n Orders.Cancel", "Invalid procedure name: use lower-case dotted segments")]
    [InlineData("mariachi-procedure -n orders", "Invalid procedure name")]
    [InlineData("mariachi-procedure -n orders.2cancel", "Invalid procedure name")]
    [InlineData("mariachi-procedure -n orders..cancel", "Invalid procedure name")]
    [InlineData("mariachi-service -n billing", "Invalid service name: use a PascalCase C# name")]
    [InlineData("mariachi-controller -n Billing-Api", "Invalid controller name")]
    [InlineData("mariachi-entity -n 2Invoice", "Invalid entity name")]
    [InlineData("mariachi-entity -n Invoice --app Acme-Shop", "No app name: run the template from the solution folder")]
    public async Task A_bad_name_is_refused_with_the_rule_and_nothing_is_written(string command, string message)
    {
        var folder = Path.Combine(apps.Root, "refused-" + Guid.NewGuid().ToString("N")[..8], "Shop");
        Directory.CreateDirectory(folder);

        var result = await apps.NewAsync(folder, command.Split(' '));

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Nothing was created. " + message, result.Output, StringComparison.Ordinal);
        Assert.Contains("the template wrote no file", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Theory]
    [InlineData("my-shop")]
    [InlineData("2Shop")]
    [InlineData("Shop Front")]
    public async Task The_app_template_refuses_a_name_that_is_no_namespace_and_leaves_only_the_empty_folder_dotnet_new_made(string name)
    {
        var folder = Path.Combine(apps.Root, "refused-app-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);

        var result = await apps.NewAsync(folder, "mariachi", "-n", name);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("Nothing was created. Invalid app name: use a C# namespace such as Shop or Acme.Shop", result.Output, StringComparison.Ordinal);
        Assert.Contains("the folder named after -n, which is empty: remove it", result.Output, StringComparison.Ordinal);
        // dotnet new makes the output folder before the template runs; nothing is written into it.
        Assert.Equal([Path.Combine(folder, name)], Directory.GetFileSystemEntries(folder));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(folder, name)));
    }

    [Fact]
    public async Task Without_a_current_folder_name_an_item_template_asks_for_the_app()
    {
        var folder = Path.Combine(apps.Root, "no-pwd-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);

        // A shell that sets no PWD (cmd.exe): the app's name can only come from --app.
        var result = await apps.NewAsync(folder, new Dictionary<string, string> { ["PWD"] = string.Empty }, "mariachi-entity", "-n", "Invoice");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("No app name", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }
}
