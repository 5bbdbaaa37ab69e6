using Microsoft.EntityFrameworkCore;

namespace Mariachi.Adapters.EntityFrameworkCore;

/// <summary>
/// Creates the short-lived <see cref="MariachiDbContext"/> that <see cref="EfRepository{T}"/> uses for one operation.
/// Registered by <c>AddMariachiEntityFrameworkCore</c>; tests can build one over any options.
/// </summary>
public interface IMariachiDbContextFactory
{
    /// <summary>A new DbContext; the caller disposes it.</summary>
    MariachiDbContext CreateDbContext();
}

/// <summary>An <see cref="IMariachiDbContextFactory"/> over EF's <see cref="IDbContextFactory{TContext}"/> or a delegate.</summary>
public sealed class MariachiDbContextFactory<TDb> : IMariachiDbContextFactory
    where TDb : MariachiDbContext
{
    private readonly Func<TDb> _create;

    /// <summary>Creates DbContexts with <paramref name="create"/>, e.g. <c>() =&gt; new AppDb(options)</c>.</summary>
    public MariachiDbContextFactory(Func<TDb> create) =>
        _create = create ?? throw new ArgumentNullException(nameof(create));

    /// <summary>Creates DbContexts with EF's factory (<c>AddDbContextFactory</c>).</summary>
    public MariachiDbContextFactory(IDbContextFactory<TDb> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _create = factory.CreateDbContext;
    }

    public MariachiDbContext CreateDbContext() => _create();
}
