using BenchmarkDotNet.Attributes;
using Mariachi.Adapters.InMemory.Communication;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Mariachi.Benchmarks.Dispatch;

/// <summary>
/// One call of the same request through each way of reaching a handler: a direct method call, a delegate, Mediator's
/// generated <c>Send</c> (through <c>IMediator</c> and through the generated concrete class), and Mariachi's in-process
/// <c>CallAsync</c> by name and by <see cref="Mariachi.Communication.Procedure{TIn, TOut}"/> handle, without middleware
/// and with two pass-through middleware. <see cref="ContextWithProcedure"/> is the one allocation Mariachi adds.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private readonly CreateOrder _input = new("Ana", 42.50m);
    private readonly Context _context = Context.Create(tenantId: "acme", userId: "ana");
    private readonly OrderService _service = new();
    private Func<Context, CreateOrder, CancellationToken, Task<OrderCreated>> _delegate = null!;
    private InProcessCommunication _communication = null!;
    private InProcessCommunication _withMiddleware = null!;
    private ServiceProvider _services = null!;
    private IMediator _mediator = null!;
    private Mediator.Mediator _concreteMediator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _delegate = _service.CreateAsync;

        _communication = new InProcessCommunication();
        _communication.Register(OrderService.Create, _service.CreateAsync);

        _withMiddleware = new InProcessCommunication();
        _withMiddleware.Use(new PassThroughMiddleware());
        _withMiddleware.Use(new PassThroughMiddleware());
        _withMiddleware.Register(OrderService.Create, _service.CreateAsync);

        _services = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _services.GetRequiredService<IMediator>();
        _concreteMediator = _services.GetRequiredService<Mediator.Mediator>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "Direct method call")]
    public Task<OrderCreated> DirectCall() => _service.CreateAsync(_context, _input, CancellationToken.None);

    [Benchmark(Description = "Delegate call")]
    public Task<OrderCreated> DelegateCall() => _delegate(_context, _input, CancellationToken.None);

    [Benchmark(Description = "Mediator Send (IMediator)")]
    public ValueTask<OrderCreated> MediatorSend() => _mediator.Send(_input, CancellationToken.None);

    [Benchmark(Description = "Mediator Send (concrete Mediator)")]
    public ValueTask<OrderCreated> MediatorSendConcrete() => _concreteMediator.Send(_input, CancellationToken.None);

    [Benchmark(Description = "CallAsync by name")]
    public Task<OrderCreated> CallAsyncByName() => _communication.CallAsync<OrderCreated>("orders.create", _context, _input);

    [Benchmark(Description = "CallAsync by Procedure handle")]
    public Task<OrderCreated> CallAsyncByHandle() => _communication.CallAsync(OrderService.Create, _context, _input);

    [Benchmark(Description = "CallAsync by name, 2 middleware")]
    public Task<OrderCreated> CallAsyncByNameWithMiddleware() => _withMiddleware.CallAsync<OrderCreated>("orders.create", _context, _input);

    [Benchmark(Description = "CallAsync by Procedure handle, 2 middleware")]
    public Task<OrderCreated> CallAsyncByHandleWithMiddleware() => _withMiddleware.CallAsync(OrderService.Create, _context, _input);

    [Benchmark(Description = "Context.WithProcedure alone")]
    public Context ContextWithProcedure() => _context.WithProcedure("orders.create");
}
