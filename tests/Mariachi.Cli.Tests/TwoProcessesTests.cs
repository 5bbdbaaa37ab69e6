using System.Text.Json;

namespace Mariachi.Cli.Tests;

/// <summary>
/// A solution written by the test: two services hosted in different processes (projects that do not reference each
/// other) register the same procedure name; an API that only calls procedures (it references neither) misspells
/// one; a test project tests one of the two services. No single build can see any of this; the tool reports it.
/// </summary>
public sealed class TwoProcessesTests
{
    [Fact]
    public async Task Duplicates_across_unrelated_projects_a_pure_clients_unknown_call_and_an_untested_service_are_reported()
    {
        var tool = await InstalledTool.GetAsync();
        var folder = SampleCopies.NewFolder("two-processes");
        WriteProject(folder, "Billing", ServiceCode("Billing"));
        WriteProject(folder, "Shipping", ServiceCode("Shipping"));
        WriteProject(folder, "Api", """
            using Mariachi;
            using Mariachi.Communication;

            namespace Api;

            public sealed class ChargeController(ICommunication communication)
            {
                public ValueTask<string> Charge(Context ctx, string order) => communication.CallAsync<string>("payments.chrage", ctx, order);
            }
            """);
        WriteProject(folder, "Billing.Tests", """
            namespace Billing.Tests;

            public sealed class BillingServiceTests
            {
                [Xunit.Fact]
                public void Registers() => Xunit.Assert.NotNull(new BillingService());
            }
            """, test: true);
        File.WriteAllText(Path.Combine(folder, "Payments.slnx"), """
            <Solution>
              <Project Path="Api/Api.csproj" />
              <Project Path="Billing/Billing.csproj" />
              <Project Path="Billing.Tests/Billing.Tests.csproj" />
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
                "Api Api/Code.cs(8): MAR0012: Procedure 'payments.chrage' is not registered by this project or the projects it references; did you mean 'payments.charge'?",
                "Billing Billing/Code.cs(7): MAR0004: Procedure 'payments.charge' is registered more than once (also by project 'Shipping'); procedure names must be globally unique",
                "Shipping Shipping/Code.cs(5): MAR0015: Service 'ShippingService' has no test: no test project references it or calls a procedure it serves ('payments.charge'); add a test that does",
                "Shipping Shipping/Code.cs(7): MAR0004: Procedure 'payments.charge' is registered more than once (also by project 'Billing'); procedure names must be globally unique",
            ],
            findings);
        Assert.Equal(4, report.RootElement.GetProperty("summary").GetProperty("projects").GetInt32());
    }

    private static string ServiceCode(string name) => $$"""
        using Mariachi.Communication;

        namespace {{name}};

        public sealed class {{name}}Service : IProcedureModule
        {
            public void Register(ICommunication communication) => communication.Register<string, string>(
                "payments.charge", (ctx, input) => Task.FromResult(input));
        }
        """;

    private static void WriteProject(string folder, string name, string code, bool test = false)
    {
        var project = Path.Combine(folder, name);
        Directory.CreateDirectory(project);
        var reference = test
            ? $"""<ProjectReference Include="../{name.Replace(".Tests", "", StringComparison.Ordinal)}/{name.Replace(".Tests", "", StringComparison.Ordinal)}.csproj" /><PackageReference Include="xunit" /><PackageReference Include="Microsoft.NET.Test.Sdk" />"""
            : $"""<ProjectReference Include="{SampleCopies.Src("Mariachi.Abstractions")}" />""";
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                {reference}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Code.cs"), code);
    }
}
