using Mariachi.Data;
using Microsoft.EntityFrameworkCore;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;

/// <summary>An empty database with the schema of <see cref="TestDbContext"/>, dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _drop;
    private int _disposed;

    public TestDatabase(MariachiDatabaseProvider provider, DbContextOptions<TestDbContext> options, Func<ValueTask> drop)
    {
        Provider = provider;
        Options = options;
        _drop = drop;
        Factory = new MariachiDbContextFactory<TestDbContext>(() => new TestDbContext(Options));
    }

    public MariachiDatabaseProvider Provider { get; }

    public DbContextOptions<TestDbContext> Options { get; }

    public IMariachiDbContextFactory Factory { get; }

    /// <summary>A raw DbContext acting for <paramref name="context"/> (none: sees no tenant row).</summary>
    public TestDbContext CreateDbContext(Context? context = null) => new(Options) { MariachiContext = context };

    public EfRepository<T> Repository<T>(TimeProvider? clock = null)
        where T : class, IEntity =>
        new(Factory, clock ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _drop();
        }
    }
}

/// <summary>A repository that drops its database when disposed, for the conformance suite's factories.</summary>
public sealed class OwnedRepository<T>(TestDatabase database, TimeProvider clock) : IRepository<T>, IAsyncDisposable
    where T : class, IEntity
{
    private readonly EfRepository<T> _inner = database.Repository<T>(clock);

    public Task<T?> FindByIdAsync(Context context, Guid id, bool includeDeleted = false, CancellationToken cancellationToken = default) =>
        _inner.FindByIdAsync(context, id, includeDeleted, cancellationToken);

    public Task<IReadOnlyList<T>> FindManyAsync(
        Context context,
        System.Linq.Expressions.Expression<Func<T, bool>>? filter = null,
        QueryOptions<T>? options = null,
        CancellationToken cancellationToken = default) =>
        _inner.FindManyAsync(context, filter, options, cancellationToken);

    public Task<T> CreateAsync(Context context, T entity, CancellationToken cancellationToken = default) =>
        _inner.CreateAsync(context, entity, cancellationToken);

    public Task<T> UpdateAsync(Context context, T entity, long? expectedVersion = null, CancellationToken cancellationToken = default) =>
        _inner.UpdateAsync(context, entity, expectedVersion, cancellationToken);

    public Task<bool> SoftDeleteAsync(Context context, Guid id, CancellationToken cancellationToken = default) =>
        _inner.SoftDeleteAsync(context, id, cancellationToken);

    public Task<bool> HardDeleteAsync(Context context, Guid id, CancellationToken cancellationToken = default) =>
        _inner.HardDeleteAsync(context, id, cancellationToken);

    public Task<Page<T>> PaginateAsync(
        Context context,
        PageRequest request,
        System.Linq.Expressions.Expression<Func<T, bool>>? filter = null,
        Sort<T>? sort = null,
        CancellationToken cancellationToken = default) =>
        _inner.PaginateAsync(context, request, filter, sort, cancellationToken);

    public Task<long> CountAsync(
        Context context,
        System.Linq.Expressions.Expression<Func<T, bool>>? filter = null,
        bool includeDeleted = false,
        CancellationToken cancellationToken = default) =>
        _inner.CountAsync(context, filter, includeDeleted, cancellationToken);

    public ValueTask DisposeAsync() => database.DisposeAsync();
}
