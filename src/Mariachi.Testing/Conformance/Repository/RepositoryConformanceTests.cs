using Mariachi.Data;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Mariachi.Testing.Conformance;

/// <summary>
/// The behaviour every <see cref="IRepository{T}"/> adapter must show: tenant isolation that fails closed, audit
/// stamps from the clock, optimistic concurrency, soft and hard delete, deterministic ordering and paging, and
/// copies that callers cannot mutate behind the store's back. Inherit it in a sealed test class and return empty
/// repositories from the two factories; every test then runs against the adapter unchanged.
/// </summary>
/// <remarks>
/// xunit creates an instance per test, so every test gets fresh repositories and a fresh <see cref="Clock"/>.
/// Clock steps are whole seconds, so adapters that store timestamps with millisecond or microsecond precision compare
/// exactly. Error metadata uses <see cref="Guid"/> for ids and <see cref="long"/> for versions.
/// </remarks>
public abstract partial class RepositoryConformanceTests : IAsyncLifetime
{
    protected RepositoryConformanceTests()
    {
        Clock = new FakeTimeProvider(Start);
    }

    /// <summary>The time the <see cref="Clock"/> starts at (UTC, whole seconds).</summary>
    protected static DateTimeOffset Start { get; } = new(2025, 1, 15, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The clock the repositories stamp rows with; tests advance it to tell writes apart.</summary>
    protected FakeTimeProvider Clock { get; }

    /// <summary>The tenant repository of this test, created by <see cref="CreateTenantRepositoryAsync"/>.</summary>
    protected IRepository<ConformanceItem> Items { get; private set; } = null!;

    /// <summary>The non-tenant repository of this test, created by <see cref="CreateGlobalRepositoryAsync"/>.</summary>
    protected IRepository<ConformanceGlobalItem> Globals { get; private set; } = null!;

    protected static Context TenantA { get; } = Context.Create("tenant-a", "user-a");

    protected static Context TenantB { get; } = Context.Create("tenant-b", "user-b");

    /// <summary>A system context without a tenant: deliberately crosses tenants.</summary>
    protected static Context CrossTenantSystem { get; } = Context.System("repository conformance: cross-tenant checks");

    /// <summary>
    /// The order the repository gives ids when it breaks ties. The default (<see cref="Guid.CompareTo(Guid)"/>) is
    /// also the order of PostgreSQL uuid and of ids stored as text; override it for a database that orders ids
    /// differently.
    /// </summary>
    protected virtual IComparer<Guid> IdOrder => Comparer<Guid>.Default;

    /// <summary>Returns a new, empty repository of tenant entities that stamps rows with <paramref name="clock"/>.</summary>
    protected abstract Task<IRepository<ConformanceItem>> CreateTenantRepositoryAsync(TimeProvider clock);

    /// <summary>Returns a new, empty repository of non-tenant entities that stamps rows with <paramref name="clock"/>.</summary>
    protected abstract Task<IRepository<ConformanceGlobalItem>> CreateGlobalRepositoryAsync(TimeProvider clock);

    public virtual async Task InitializeAsync()
    {
        Items = await CreateTenantRepositoryAsync(Clock);
        Globals = await CreateGlobalRepositoryAsync(Clock);
    }

    public virtual async Task DisposeAsync()
    {
        await DisposeRepositoryAsync(Items);
        await DisposeRepositoryAsync(Globals);
    }

    /// <summary>Disposes a repository the factories returned, if it is disposable.</summary>
    protected static async Task DisposeRepositoryAsync(object? repository)
    {
        switch (repository)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    protected static ConformanceItem NewItem(string name, string category = "general", int quantity = 1) =>
        new() { Name = name, Category = category, Quantity = quantity };

    /// <summary>A field-by-field copy, so tests can change an entity without touching the one they compare with.</summary>
    protected static ConformanceItem Clone(ConformanceItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ConformanceItem
        {
            Id = item.Id,
            TenantId = item.TenantId,
            Name = item.Name,
            Category = item.Category,
            Quantity = item.Quantity,
            Version = item.Version,
            CreatedAt = item.CreatedAt,
            UpdatedAt = item.UpdatedAt,
            DeletedAt = item.DeletedAt,
        };
    }

    /// <summary>Every stored field of <paramref name="item"/> as a value, for exact comparisons with readable diffs.</summary>
    protected static ItemState State(ConformanceItem? item) =>
        item is null
            ? throw new Xunit.Sdk.XunitException("Expected an item, got null.")
            : new ItemState(item.Id, item.TenantId, item.Name, item.Category, item.Quantity, item.Version, item.CreatedAt, item.UpdatedAt, item.DeletedAt);

    protected static void AssertSameItem(ConformanceItem expected, ConformanceItem? actual) =>
        Assert.Equal(State(expected), State(actual));

    protected static void AssertSameItems(IEnumerable<ConformanceItem> expected, IEnumerable<ConformanceItem> actual) =>
        Assert.Equal(expected.Select(State).ToList(), actual.Select(State).ToList());

    /// <summary>Reads a row whatever its tenant or deletion, to check what is really stored.</summary>
    protected Task<ConformanceItem?> ReadStoredAsync(Guid id) =>
        Items.FindByIdAsync(CrossTenantSystem, id, includeDeleted: true);

    /// <summary>Awaits <paramref name="action"/> and checks it fails with <typeparamref name="TError"/> and <paramref name="code"/>.</summary>
    protected static async Task<TError> AssertFailsAsync<TError>(string code, Func<Task> action)
        where TError : MariachiError
    {
        var error = await Assert.ThrowsAnyAsync<TError>(action);
        Assert.Equal(code, error.Code);
        return error;
    }

    /// <summary>The stored fields of a <see cref="ConformanceItem"/>.</summary>
    protected sealed record ItemState(
        Guid Id,
        string TenantId,
        string Name,
        string Category,
        int Quantity,
        long Version,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? DeletedAt);
}
