using Mariachi.Communication;
using Mediator;

namespace Mariachi.Benchmarks.Dispatch;

/// <summary>The request every dispatch benchmark sends: the same type for Mariachi, Mediator and the direct calls.</summary>
public sealed record CreateOrder(string Customer, decimal Total) : IRequest<OrderCreated>;

public sealed record OrderCreated(string Customer, decimal Total, int Lines);

/// <summary>The work behind the procedure: allocates the result, nothing else.</summary>
public sealed class OrderService
{
    public static readonly Procedure<CreateOrder, OrderCreated> Create = new("orders.create");

    public static OrderCreated Handle(CreateOrder input) => new(input.Customer, input.Total, input.Customer.Length);

    /// <summary>The service method in Mariachi's shape, completing synchronously: no task to allocate.</summary>
    public ValueTask<OrderCreated> CreateAsync(Context context, CreateOrder input, CancellationToken cancellationToken) =>
        new(Handle(input));

    /// <summary>The same with a <see cref="Task{TResult}"/> result, as a service written before the ValueTask contract.</summary>
    public Task<OrderCreated> CreateTaskAsync(Context context, CreateOrder input, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(input));
}

/// <summary>The same work as a Mediator handler, in Mediator's shape (ValueTask result: no Task to allocate).</summary>
public sealed class CreateOrderHandler : IRequestHandler<CreateOrder, OrderCreated>
{
    public ValueTask<OrderCreated> Handle(CreateOrder request, CancellationToken cancellationToken) =>
        new(OrderService.Handle(request));
}

/// <summary>Middleware that only passes the call on: what remains is the cost of the pipeline itself.</summary>
public sealed class PassThroughMiddleware : IProcedureMiddleware
{
    public ValueTask<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next) => next(call);
}
