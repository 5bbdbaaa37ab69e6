using Orders.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMariachi().AddProcedureModule<OrderService>();
builder.Services.AddMariachiAspNetCore();
builder.Services.AddControllers();

var app = builder.Build();
app.UseMariachi();
app.MapControllers();
app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
