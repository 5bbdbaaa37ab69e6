using BenchmarkDotNet.Attributes;
using Mariachi.Adapters.InMemory.Communication;
using Mariachi.Communication;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Mariachi.Benchmarks.Dispatch;

/// <summary>
/// One call of the same request through each way of reaching a handler that completes synchronously: a direct
/// method call, Mediator's generated <c>Send</c> (through <c>IMediator</c>, the baseline, and through the generated
/// concrete class), and Mariachi's in-process <c>CallAsync</c> by name and by
/// <see cref="Mariachi.Communication.Procedure{TIn, TOut}"/> handle, through <see cref="ICommunication"/> as a
/// controller holds it (and once through the concrete class): with a ValueTask handler, with a Task handler, and with
/// one and two pass-through middleware (the difference is the cost per middleware). A caller's Context reuses the
/// copy it made for the last procedure it called; the "new Context copy" rows alternate two procedures so that every
/// call makes its copy, as a request's first call of a procedure does.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private static readonly Procedure<CreateOrder, OrderCreated> Other = new("orders.create-other");

    private readonly CreateOrder _input = new("Ana", 42.50m);
    private readonly Context _context = Context.Create(tenantId: "acme", userId: "ana");
    private readonly OrderService _service = new();
    private InProcessCommunication _concrete = null!;
    private ICommunication _communication = null!;
    private ICommunication _taskHandler = null!;
    private ICommunication _oneMiddleware = null!;
    private ICommunication _twoMiddleware = null!;
    private ServiceProvider _services = null!;
    private IMediator _mediator = null!;
    private Mediator.Mediator _concreteMediator = null!;
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        _concrete = Communication(middleware: 0);
        _concrete.Register(Other, _service.CreateAsync);
        _communication = _concrete;
        _oneMiddleware = Communication(middleware: 1);
        _twoMiddleware = Communication(middleware: 2);
        var taskHandler = new InProcessCommunication();
        taskHandler.Register(OrderService.Create, _service.CreateTaskAsync);
        _taskHandler = taskHandler;

        _services = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _services.GetRequiredService<IMediator>();
        _concreteMediator = _services.GetRequiredService<Mediator.Mediator>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "Direct method call")]
    public ValueTask<OrderCreated> DirectCall() => _service.CreateAsync(_context, _input, CancellationToken.None);

    [Benchmark(Baseline = true, Description = "Mediator Send (IMediator)")]
    public ValueTask<OrderCreated> MediatorSend() => _mediator.Send(_input, CancellationToken.None);

    [Benchmark(Description = "Mediator Send (concrete Mediator)")]
    public ValueTask<OrderCreated> MediatorSendConcrete() => _concreteMediator.Send(_input, CancellationToken.None);

    [Benchmark(Description = "CallAsync by name")]
    public ValueTask<OrderCreated> CallAsyncByName() => _communication.CallAsync<OrderCreated>("orders.create", _context, _input);

    [Benchmark(Description = "CallAsync by handle")]
    public ValueTask<OrderCreated> CallAsyncByHandle() => _communication.CallAsync(OrderService.Create, _context, _input);

    [Benchmark(Description = "CallAsync by handle, concrete InProcessCommunication")]
    public ValueTask<OrderCreated> CallAsyncByHandleConcrete() => _concrete.CallAsync(OrderService.Create, _context, _input);

    [Benchmark(Description = "CallAsync by handle, a new Context copy each call")]
    public ValueTask<OrderCreated> CallAsyncByHandleCopying() =>
        _communication.CallAsync((_flip = !_flip) ? OrderService.Create : Other, _context, _input);

    [Benchmark(Description = "CallAsync by handle, Task handler")]
    public ValueTask<OrderCreated> CallAsyncByHandleTaskHandler() => _taskHandler.CallAsync(OrderService.Create, _context, _input);

    [Benchmark(Description = "CallAsync by name, 1 middleware")]
    public ValueTask<OrderCreated> CallAsyncByNameOneMiddleware() => _oneMiddleware.CallAsync<OrderCreated>("orders.create", _context, _input);

    [Benchmark(Description = "CallAsync by handle, 1 middleware")]
    public ValueTask<OrderCreated> CallAsyncByHandleOneMiddleware() => _oneMiddleware.CallAsync(OrderService.Create, _context, _input);

    [Benchmark(Description = "CallAsync by name, 2 middleware")]
    public ValueTask<OrderCreated> CallAsyncByNameTwoMiddleware() => _twoMiddleware.CallAsync<OrderCreated>("orders.create", _context, _input);

    [Benchmark(Description = "CallAsync by handle, 2 middleware")]
    public ValueTask<OrderCreated> CallAsyncByHandleTwoMiddleware() => _twoMiddleware.CallAsync(OrderService.Create, _context, _input);

    [Benchmark(Description = "Context.WithProcedure, last copy reused")]
    public Context ContextWithProcedure() => _context.WithProcedure("orders.create");

    [Benchmark(Description = "Context.WithProcedure, a new copy")]
    public Context ContextWithProcedureCopying() => _context.WithProcedure((_flip = !_flip) ? "orders.create" : "orders.create-other");

    private InProcessCommunication Communication(int middleware)
    {
        var communication = new InProcessCommunication();
        for (var i = 0; i < middleware; i++)
        {
            communication.Use(new PassThroughMiddleware());
        }

        communication.Register(OrderService.Create, _service.CreateAsync);
        return communication;
    }
}
