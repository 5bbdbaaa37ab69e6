using System.Text.Json;

namespace Mariachi.Cli.Tests;

/// <summary>
/// A solution written by the test: two services hosted in different processes (projects that do not reference each
/// other) register the same procedure name. No single build can see it; the tool reports both registrations.
/// </summary>
public sealed class TwoProcessesTests
{
    [Fact]
    public async Task The_same_name_registered_by_two_unrelated_projects_is_MAR0004_at_both()
    {
        var tool = await InstalledTool.GetAsync();
        var folder = SampleCopies.NewFolder("two-processes");
        WriteService(folder, "Billing", "BillingModule");
        WriteService(folder, "Shipping", "ShippingModule");
        File.WriteAllText(Path.Combine(folder, "TwoProcesses.slnx"), """
            <Solution>
              <Project Path="Billing/Billing.csproj" />
              <Project Path="Shipping/Shipping.csproj" />
            </Solution>
            """);

        var run = await tool.RunAsync(folder, "check", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var report = JsonDocument.Parse(run.Output);
        var findings = report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("project").GetString()} {f.GetProperty("file").GetString()}({f.GetProperty("line").GetInt32()}): {f.GetProperty("id").GetString()}: {f.GetProperty("message").GetString()}")
            .ToList();
        Assert.Equal(
            [
                "Billing Billing/BillingModule.cs(7): MAR0004: Procedure 'payments.charge' is registered more than once (also by project 'Shipping'); procedure names must be globally unique",
                "Shipping Shipping/ShippingModule.cs(7): MAR0004: Procedure 'payments.charge' is registered more than once (also by project 'Billing'); procedure names must be globally unique",
            ],
            findings);
    }

    private static void WriteService(string folder, string name, string module)
    {
        var project = Path.Combine(folder, name);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{SampleCopies.Src("Mariachi.Abstractions")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(\"" + name + "\");\n");
        File.WriteAllText(Path.Combine(project, module + ".cs"), $$"""
            using Mariachi.Communication;

            namespace {{name}};

            public sealed class {{module}} : IProcedureModule
            {
                public void Register(ICommunication communication) => communication.Register<string, string>(
                    "payments.charge", (ctx, input) => System.Threading.Tasks.Task.FromResult(input));
            }
            """);
    }
}
