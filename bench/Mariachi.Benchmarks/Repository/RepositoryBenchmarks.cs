using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Mariachi.Adapters.EntityFrameworkCore;
using Mariachi.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mariachi.Benchmarks.Repository;

/// <summary>
/// <see cref="EfRepository{T}"/> against the same query written directly with EF Core, on a SQLite file of
/// <see cref="RowsPerTenant"/> orders for each of two tenants. Both sides create a DbContext per call, as the
/// repository does; the direct queries filter tenant and soft delete by hand. The repository's page runs its count and
/// its rows in one transaction (so they agree); the direct page is shown both ways.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RepositoryBenchmarks
{
    public const int RowsPerTenant = 1000;
    private const string Tenant = "acme";

    private readonly Context _context = Context.Create(tenantId: Tenant, userId: "ana");
    private string _directory = null!;
    private DbContextOptions<BenchDb> _mariachiOptions = null!;
    private DbContextOptions<PlainDb> _plainOptions = null!;
    private EfRepository<BenchOrder> _repository = null!;
    private Guid _id;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("mariachi-bench-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "bench.db") }.ToString();
        _mariachiOptions = new DbContextOptionsBuilder<BenchDb>().UseSqlite(connectionString).Options;
        _plainOptions = new DbContextOptionsBuilder<PlainDb>().UseSqlite(connectionString).Options;

        using (var db = new BenchDb(_mariachiOptions))
        {
            db.Database.EnsureCreated();
        }

        using (var db = new PlainDb(_plainOptions))
        {
            var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
            foreach (var tenant in new[] { Tenant, "globex" })
            {
                for (var i = 0; i < RowsPerTenant; i++)
                {
                    db.Orders.Add(new BenchOrder
                    {
                        Id = Guid.NewGuid(),
                        TenantId = tenant,
                        Customer = $"customer-{i % 50}",
                        Total = i,
                        CreatedAt = start.AddMinutes(i),
                        UpdatedAt = start.AddMinutes(i),
                        DeletedAt = i % 20 == 0 ? start.AddDays(1) : null,
                        Version = 1,
                    });
                }
            }

            db.SaveChanges();
            _id = db.Orders.Where(o => o.TenantId == Tenant && o.DeletedAt == null).OrderBy(o => o.Total).Skip(RowsPerTenant / 2).Select(o => o.Id).First();
        }

        _repository = new EfRepository<BenchOrder>(new MariachiDbContextFactory<BenchDb>(() => new BenchDb(_mariachiOptions)), TimeProvider.System);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "FindById: EF Core directly")]
    [BenchmarkCategory("FindById")]
    public async Task<BenchOrder?> FindByIdDirect()
    {
        await using var db = new PlainDb(_plainOptions);
        return await db.Orders.AsNoTracking().Where(o => o.TenantId == Tenant && o.DeletedAt == null).FirstOrDefaultAsync(o => o.Id == _id);
    }

    [Benchmark(Description = "FindById: EfRepository")]
    [BenchmarkCategory("FindById")]
    public Task<BenchOrder?> FindByIdRepository() => _repository.FindByIdAsync(_context, _id);

    [Benchmark(Baseline = true, Description = "Paginate: EF Core directly (count + page)")]
    [BenchmarkCategory("Paginate")]
    public async Task<Page<BenchOrder>> PaginateDirect()
    {
        await using var db = new PlainDb(_plainOptions);
        var query = db.Orders.Where(o => o.TenantId == Tenant && o.DeletedAt == null);
        var total = await query.LongCountAsync();
        var items = await query.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).Skip(40).Take(20).AsNoTracking().ToListAsync();
        return new Page<BenchOrder>(items, 3, 20, total);
    }

    [Benchmark(Description = "Paginate: EF Core directly, in a transaction")]
    [BenchmarkCategory("Paginate")]
    public async Task<Page<BenchOrder>> PaginateDirectInTransaction()
    {
        await using var db = new PlainDb(_plainOptions);
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var query = db.Orders.Where(o => o.TenantId == Tenant && o.DeletedAt == null);
        var total = await query.LongCountAsync();
        var items = await query.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).Skip(40).Take(20).AsNoTracking().ToListAsync();
        await transaction.CommitAsync();
        return new Page<BenchOrder>(items, 3, 20, total);
    }

    [Benchmark(Description = "Paginate: EfRepository")]
    [BenchmarkCategory("Paginate")]
    public Task<Page<BenchOrder>> PaginateRepository() =>
        _repository.PaginateAsync(_context, new PageRequest(3, 20), sort: Sort<BenchOrder>.ByDescending(o => o.CreatedAt));
}
