using Mariachi;

var ctx = Context.Create(tenantId: "acme");
Console.WriteLine(ctx.TraceId);
