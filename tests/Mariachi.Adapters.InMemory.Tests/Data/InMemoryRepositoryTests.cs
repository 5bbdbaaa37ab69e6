using Mariachi.Adapters.InMemory.Data;
using Mariachi.Data;
using Mariachi.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mariachi.Adapters.InMemory.Tests.Data;

/// <summary>Behaviour of the in-memory repository beyond the shared conformance suite.</summary>
public sealed class InMemoryRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Context Tenant = Context.Create("tenant-a");

    [Fact]
    public async Task Returned_entities_are_never_the_instance_passed_or_stored()
    {
        var repository = new InMemoryRepository<ConformanceItem>(new FakeTimeProvider(Now));
        var passed = new ConformanceItem { Name = "original" };

        var created = await repository.CreateAsync(Tenant, passed);
        var first = await repository.FindByIdAsync(Tenant, created.Id);
        var second = await repository.FindByIdAsync(Tenant, created.Id);

        Assert.NotSame(passed, created);
        Assert.NotSame(created, first);
        Assert.NotSame(first, second);
        Assert.Equal(Guid.Empty, passed.Id);
        Assert.Equal(string.Empty, passed.TenantId);
        Assert.Equal(0, passed.Version);
    }

    [Fact]
    public async Task Soft_delete_of_an_entity_without_BaseEntity_throws_database_failure()
    {
        var repository = new InMemoryRepository<PlainEntity>();
        var created = await repository.CreateAsync(Context.Create(), new PlainEntity { Name = "plain" });

        var error = await Assert.ThrowsAsync<DatabaseError>(() => repository.SoftDeleteAsync(Context.Create(), created.Id));

        Assert.Equal(ErrorCodes.Database.Failure, error.Code);
        Assert.Contains("does not support soft delete", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await repository.FindByIdAsync(Context.Create(), created.Id));
    }

    [Fact]
    public async Task Entities_without_BaseEntity_are_updated_without_a_version_check()
    {
        var repository = new InMemoryRepository<PlainEntity>();
        var created = await repository.CreateAsync(Context.Create(), new PlainEntity { Name = "v1" });

        await repository.UpdateAsync(Context.Create(), new PlainEntity { Id = created.Id, Name = "v2" }, expectedVersion: 7);
        var updated = await repository.UpdateAsync(Context.Create(), new PlainEntity { Id = created.Id, Name = "v3" });

        Assert.Equal("v3", updated.Name);
        Assert.Equal("v3", (await repository.FindByIdAsync(Context.Create(), created.Id))?.Name);
        Assert.True(await repository.HardDeleteAsync(Context.Create(), created.Id));
        Assert.Equal(0, await repository.CountAsync(Context.Create()));
    }

    [Fact]
    public async Task Parameterless_constructor_stamps_with_the_system_clock()
    {
        var repository = new InMemoryRepository<ConformanceItem>();
        var before = DateTimeOffset.UtcNow;

        var created = await repository.CreateAsync(Tenant, new ConformanceItem { Name = "now" });

        Assert.InRange(created.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(TimeSpan.Zero, created.CreatedAt.Offset);
    }

    [Fact]
    public async Task Open_generic_registration_uses_the_time_provider_from_the_container()
    {
        var clock = new FakeTimeProvider(Now);
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(typeof(IRepository<>), typeof(InMemoryRepository<>))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var repository = provider.GetRequiredService<IRepository<ConformanceItem>>();
        var created = await repository.CreateAsync(Tenant, new ConformanceItem { Name = "from DI" });

        Assert.Same(repository, provider.GetRequiredService<IRepository<ConformanceItem>>());
        Assert.Equal(Now, created.CreatedAt);
    }

    [Fact]
    public async Task Open_generic_registration_without_a_time_provider_uses_the_system_clock()
    {
        using var provider = new ServiceCollection()
            .AddSingleton(typeof(IRepository<>), typeof(InMemoryRepository<>))
            .BuildServiceProvider();
        var before = DateTimeOffset.UtcNow;

        var created = await provider.GetRequiredService<IRepository<ConformanceGlobalItem>>()
            .CreateAsync(Context.Create(), new ConformanceGlobalItem { Name = "system clock" });

        Assert.InRange(created.CreatedAt, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Errors_and_cancellation_are_reported_on_the_returned_task()
    {
        var repository = new InMemoryRepository<ConformanceItem>();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var missingTenant = repository.CountAsync(Context.Create());
        var nullContext = repository.CountAsync(null!);
        var canceled = repository.CountAsync(Tenant, cancellationToken: cancellation.Token);

        Assert.True(missingTenant.IsFaulted);
        Assert.Equal(ErrorCodes.Tenancy.MissingTenant, Assert.IsType<TenancyError>(missingTenant.Exception?.InnerException).Code);
        Assert.True(nullContext.IsFaulted);
        Assert.IsType<ArgumentNullException>(nullContext.Exception?.InnerException);
        Assert.True(canceled.IsCanceled);
    }

    [Fact]
    public void Constructor_rejects_a_null_time_provider()
    {
        Assert.Throws<ArgumentNullException>(() => new InMemoryRepository<ConformanceItem>(null!));
    }

    /// <summary>An entity with an id only: no audit fields, no version, no tenant.</summary>
    public sealed class PlainEntity : IEntity
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = string.Empty;
    }
}
