using Microsoft.EntityFrameworkCore;
using Orders.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMariachi().AddProcedureModule<OrderService>();
builder.Services.AddMariachiEntityFrameworkCore<OrdersDb>();   // DATABASE_URL, else the SQLite file mariachi.db
builder.Services.AddMariachiAspNetCore();
builder.Services.AddControllers();

var app = builder.Build();

// The sample creates its schema on first run; a production service would apply EF migrations instead.
await using (var db = await app.Services.GetRequiredService<IDbContextFactory<OrdersDb>>().CreateDbContextAsync())
{
    await db.Database.EnsureCreatedAsync();
}

app.UseMariachi();
app.MapControllers();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
