namespace Mariachi.Cli.Tests;

/// <summary>`mariachi procedures` on samples/Orders: the catalog with its registration sites, and its Mermaid picture.</summary>
public sealed class ProceduresCommandTests
{
    [Fact]
    public async Task The_orders_procedures_are_listed_with_where_they_are_registered_and_drawn_in_mermaid()
    {
        var tool = await InstalledTool.GetAsync();
        var orders = Path.Combine(Repository.Root, "samples", "Orders");

        var text = await tool.RunAsync(orders, "procedures", "--no-restore", "--quiet");
        var mermaid = await tool.RunAsync(orders, "procedures", "--format", "mermaid", "--no-restore", "--quiet");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Procedures (4)", text.Output, StringComparison.Ordinal);
        Assert.Contains("""
              orders.create: CreateOrder -> OrderView
                registered: Orders.Services Orders.Services/OrderService.cs:16
                services:   OrderService
                called:     1 time from Orders.Api
            """.ReplaceLineEndings("\n"), text.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("orders.list: ListOrders -> Page<OrderView>", text.Output, StringComparison.Ordinal);
        Assert.True(mermaid.ExitCode == 0, mermaid.ToString());
        var lines = mermaid.Output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("flowchart LR", lines[0]);
        Assert.Contains("  c_OrdersController[\"OrdersController\"] --> p_orders_create([\"orders.create\"])", lines);
        Assert.Contains("  p_orders_create([\"orders.create\"]) --> s_OrderService[\"OrderService\"]", lines);
        Assert.Equal(8, lines.Length - 1);
    }
}
