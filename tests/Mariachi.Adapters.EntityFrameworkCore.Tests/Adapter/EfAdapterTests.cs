using System.Collections.Concurrent;
using System.Data.Common;
using Mariachi.Adapters.EntityFrameworkCore.Tests.Infrastructure;
using Mariachi.Data;
using Mariachi.Testing.Conformance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mariachi.Adapters.EntityFrameworkCore.Tests.Adapter;

/// <summary>
/// What the conformance suite cannot see: the save interceptor and query filters of a raw DbContext, the mapping of
/// provider errors, UTC storage and the parallel-update guarantee, on a real database of each provider.
/// </summary>
public abstract class EfAdapterTests : IAsyncLifetime
{
    protected static readonly Context TenantA = Context.Create("tenant-a", "user-a");
    protected static readonly Context TenantB = Context.Create("tenant-b", "user-b");
    protected static readonly Context CrossTenant = Context.System("ef adapter tests: cross-tenant checks");

    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialized.");

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A new database with the schema of <see cref="TestDbContext"/> (or none).</summary>
    protected abstract Task<TestDatabase> CreateDatabaseAsync(bool createSchema = true);

    /// <summary>The provider exception type a unique violation or a missing table surfaces as.</summary>
    protected abstract Type ProviderExceptionType { get; }

    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static ConformanceItem Item(string name, string tenantId = "", int quantity = 1) =>
        new() { Name = name, TenantId = tenantId, Category = "general", Quantity = quantity };

    private async Task<ConformanceItem> SeedAsync(Context context, string name)
    {
        await using var db = Database.CreateDbContext(context);
        var item = Item(name);
        item.CreatedAt = item.UpdatedAt = Clock.GetUtcNow();
        item.Version = 1;
        db.Items.Add(item);
        await db.SaveChangesAsync();
        return item;
    }

    private async Task<ConformanceItem?> ReadRawAsync(Guid id)
    {
        await using var db = Database.CreateDbContext(CrossTenant);
        return await db.Items.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id);
    }

    // ---- The save interceptor and the query filters of a raw DbContext ----

    [Fact]
    public async Task A_raw_insert_is_stamped_with_the_context_tenant_whatever_it_names()
    {
        await using var db = Database.CreateDbContext(TenantA);
        var item = Item("mine", tenantId: "tenant-b");
        db.Items.Add(item);
        await db.SaveChangesAsync();

        Assert.Equal("tenant-a", (await ReadRawAsync(item.Id))?.TenantId);
    }

    [Fact]
    public async Task A_raw_update_of_another_tenants_row_is_refused_and_changes_nothing()
    {
        var other = await SeedAsync(TenantB, "b");
        await using var db = Database.CreateDbContext(TenantA);

        // Deliberately around the tenant filter, as a careless raw query could be.
        var loaded = await db.Items.IgnoreQueryFilters().SingleAsync(i => i.Id == other.Id);
        loaded.Name = "hijacked";
        var error = await Assert.ThrowsAsync<TenancyError>(() => db.SaveChangesAsync());

        Assert.Equal(ErrorCodes.Tenancy.AccessDenied, error.Code);
        Assert.Equal("b", (await ReadRawAsync(other.Id))?.Name);
    }

    [Fact]
    public async Task A_raw_delete_of_another_tenants_row_is_refused_and_changes_nothing()
    {
        var other = await SeedAsync(TenantB, "b");
        await using var db = Database.CreateDbContext(TenantA);

        var loaded = await db.Items.IgnoreQueryFilters().SingleAsync(i => i.Id == other.Id);
        db.Items.Remove(loaded);
        var error = Assert.Throws<TenancyError>(() => db.SaveChanges());

        Assert.Equal(ErrorCodes.Tenancy.AccessDenied, error.Code);
        Assert.NotNull(await ReadRawAsync(other.Id));
    }

    [Fact]
    public async Task A_raw_write_with_a_forged_owner_matches_no_row()
    {
        var other = await SeedAsync(TenantB, "b");
        await using var db = Database.CreateDbContext(TenantA);

        // Claims tenant-a owns tenant-b's row: the interceptor cannot tell, but TenantId is in the UPDATE's WHERE.
        var forged = Item("hijacked", tenantId: "tenant-a");
        forged.Id = other.Id;
        forged.Version = other.Version;
        forged.CreatedAt = forged.UpdatedAt = other.CreatedAt;
        db.Items.Update(forged);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.Items.Remove(forged);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

        Assert.Equal("b", (await ReadRawAsync(other.Id))?.Name);
    }

    [Fact]
    public async Task A_raw_update_cannot_move_a_row_to_another_tenant()
    {
        var own = await SeedAsync(TenantA, "a");
        foreach (var context in new[] { TenantA, CrossTenant })
        {
            await using var db = Database.CreateDbContext(context);
            var loaded = await db.Items.SingleAsync(i => i.Id == own.Id);
            loaded.TenantId = "tenant-b";

            var error = await Assert.ThrowsAsync<TenancyError>(() => db.SaveChangesAsync());

            Assert.Equal(ErrorCodes.Tenancy.AccessDenied, error.Code);
        }

        Assert.Equal("tenant-a", (await ReadRawAsync(own.Id))?.TenantId);
    }

    [Fact]
    public async Task A_raw_db_context_without_a_tenant_reads_nothing_and_cannot_write()
    {
        await SeedAsync(TenantA, "a");
        foreach (var context in new Context?[] { null, Context.Create(), Context.Detached("ef adapter tests: detached") })
        {
            await using var db = Database.CreateDbContext(context);

            Assert.Empty(await db.Items.ToListAsync());
            db.Items.Add(Item("orphan", tenantId: "tenant-a"));
            var error = await Assert.ThrowsAsync<TenancyError>(() => db.SaveChangesAsync());
            Assert.Equal(ErrorCodes.Tenancy.MissingTenant, error.Code);
        }

        await using var check = Database.CreateDbContext(CrossTenant);
        Assert.Equal(1, await check.Items.CountAsync());
    }

    [Fact]
    public async Task Raw_queries_and_bulk_updates_are_scoped_by_the_named_filters()
    {
        var a = await SeedAsync(TenantA, "a");
        var b = await SeedAsync(TenantB, "b");
        var deleted = await SeedAsync(TenantA, "deleted");
        await using (var db = Database.CreateDbContext(TenantA))
        {
            (await db.Items.SingleAsync(i => i.Id == deleted.Id)).DeletedAt = Clock.GetUtcNow();
            await db.SaveChangesAsync();
        }

        await using var tenantA = Database.CreateDbContext(TenantA);
        Assert.Equal([a.Id], await tenantA.Items.Select(i => i.Id).ToListAsync());
        var withDeleted = await tenantA.Items.IgnoreQueryFilters([MariachiQueryFilters.SoftDelete]).Select(i => i.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["a", "deleted"], withDeleted);

        // ExecuteUpdate skips SaveChanges, but not the tenant filter.
        Assert.Equal(0, await tenantA.Items.Where(i => i.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, "hijacked")));
        Assert.Equal("b", (await ReadRawAsync(b.Id))?.Name);

        await using var system = Database.CreateDbContext(CrossTenant);
        Assert.Equal(2, await system.Items.CountAsync());
        Assert.Equal(3, await system.Items.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task The_tenant_of_a_db_context_can_change_between_queries()
    {
        var a = await SeedAsync(TenantA, "a");
        var b = await SeedAsync(TenantB, "b");
        await using var db = Database.CreateDbContext(TenantA);

        Assert.Equal([a.Id], await db.Items.AsNoTracking().Select(i => i.Id).ToListAsync());
        db.MariachiContext = TenantB;
        Assert.Equal([b.Id], await db.Items.AsNoTracking().Select(i => i.Id).ToListAsync());
        db.MariachiContext = null;
        Assert.Empty(await db.Items.AsNoTracking().ToListAsync());
    }

    // ---- Error mapping ----

    [Fact]
    public async Task A_unique_violation_is_a_unique_conflict_scoped_to_the_tenant_and_to_live_rows()
    {
        var accounts = Database.Repository<Account>(Clock);
        var first = await accounts.CreateAsync(TenantA, new Account { Email = "ana@example.com" });

        var error = await Assert.ThrowsAsync<ConflictError>(() => accounts.CreateAsync(TenantA, new Account { Email = "ana@example.com" }));
        Assert.Equal(ErrorCodes.Conflict.Unique, error.Code);
        Assert.IsAssignableFrom(ProviderExceptionType, error.InnerException);

        // Another tenant may use the same email, and a soft-deleted row no longer holds it.
        await accounts.CreateAsync(TenantB, new Account { Email = "ana@example.com" });
        Assert.True(await accounts.SoftDeleteAsync(TenantA, first.Id));
        var again = await accounts.CreateAsync(TenantA, new Account { Email = "ana@example.com" });

        // An update that collides is a unique conflict too, and changes nothing.
        var other = await accounts.CreateAsync(TenantA, new Account { Email = "bob@example.com" });
        other.Email = "ana@example.com";
        var updateError = await Assert.ThrowsAsync<ConflictError>(() => accounts.UpdateAsync(TenantA, other));
        Assert.Equal(ErrorCodes.Conflict.Unique, updateError.Code);
        Assert.Equal("bob@example.com", (await accounts.FindByIdAsync(TenantA, other.Id))?.Email);
        Assert.Equal(3, await accounts.CountAsync(TenantA, includeDeleted: true));
        Assert.NotEqual(first.Id, again.Id);
    }

    [Fact]
    public async Task A_duplicate_id_is_a_unique_conflict_with_the_provider_error_inside()
    {
        var items = Database.Repository<ConformanceItem>(Clock);
        var created = await items.CreateAsync(TenantA, Item("original"));
        var duplicate = Item("duplicate");
        duplicate.Id = created.Id;

        var error = await Assert.ThrowsAsync<ConflictError>(() => items.CreateAsync(TenantB, duplicate));

        Assert.Equal(ErrorCodes.Conflict.Unique, error.Code);
        Assert.IsAssignableFrom(ProviderExceptionType, error.InnerException);
    }

    [Fact]
    public async Task Other_provider_errors_are_database_errors_with_the_provider_error_inside()
    {
        // No schema: every statement fails in the provider.
        await using var empty = await CreateDatabaseAsync(createSchema: false);
        var items = empty.Repository<ConformanceItem>(Clock);
        var calls = new Func<Task>[]
        {
            () => items.CreateAsync(TenantA, Item("x")),
            () => items.FindByIdAsync(TenantA, Guid.NewGuid()),
            () => items.FindManyAsync(TenantA),
            () => items.UpdateAsync(TenantA, Item("x")),
            () => items.SoftDeleteAsync(TenantA, Guid.NewGuid()),
            () => items.HardDeleteAsync(TenantA, Guid.NewGuid()),
            () => items.PaginateAsync(TenantA, new PageRequest(1, 10)),
            () => items.CountAsync(TenantA),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<DatabaseError>(call);
            Assert.Equal(ErrorCodes.Database.Failure, error.Code);
            Assert.IsAssignableFrom(ProviderExceptionType, error.InnerException);
            Assert.IsAssignableFrom<DbException>(error.InnerException);
        }
    }

    [Fact]
    public async Task A_filter_or_sort_that_cannot_be_translated_is_a_clear_database_error()
    {
        var items = Database.Repository<ConformanceItem>(Clock);
        await items.CreateAsync(TenantA, Item("any"));
        var calls = new Func<Task>[]
        {
            () => items.FindManyAsync(TenantA, i => IsInteresting(i.Name)),
            () => items.CountAsync(TenantA, i => IsInteresting(i.Name)),
            () => items.PaginateAsync(TenantA, new PageRequest(1, 10), i => IsInteresting(i.Name)),
            () => items.FindManyAsync(TenantA, options: new() { Sort = Sort<ConformanceItem>.By(i => Rank(i)) }),
        };

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<DatabaseError>(call);
            Assert.Equal(ErrorCodes.Database.UntranslatableQuery, error.Code);
            Assert.Contains("cannot be translated", error.Message, StringComparison.Ordinal);
            Assert.IsType<InvalidOperationException>(error.InnerException);
        }
    }

    [Fact]
    public async Task An_entity_type_missing_from_the_model_is_a_clear_database_error()
    {
        var repository = new EfRepository<Unmapped>(Database.Factory, Clock);

        var error = await Assert.ThrowsAsync<DatabaseError>(() => repository.CountAsync(TenantA));

        Assert.Equal(ErrorCodes.Database.Failure, error.Code);
        Assert.Contains("DbSet<Unmapped>", error.Message, StringComparison.Ordinal);
    }

    // ---- Timestamps ----

    [Fact]
    public async Task Timestamps_round_trip_as_the_same_instant_in_utc()
    {
        var appointments = Database.Repository<Appointment>(Clock);
        var startsAt = new DateTimeOffset(2025, 6, 1, 9, 15, 30, TimeSpan.FromHours(5.5)).AddTicks(1_234_560);
        var created = await appointments.CreateAsync(Context.Create(), new Appointment { Title = "t", StartsAt = startsAt });

        var stored = await appointments.FindByIdAsync(Context.Create(), created.Id);

        Assert.NotNull(stored);
        Assert.Equal(startsAt.UtcTicks, stored.StartsAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.StartsAt.Offset);
        Assert.Null(stored.EndsAt);
        Assert.Equal(TimeSpan.Zero, stored.CreatedAt.Offset);
    }

    // ---- Decimals ----

    [Theory]
    [InlineData("10", "10")]
    [InlineData("10.0", "10")]
    [InlineData("42.50", "42.5")]
    [InlineData("10.125", "10.13")]
    [InlineData("-0.005", "-0.01")]
    public async Task A_decimal_reads_back_in_the_form_create_returned(string written, string form)
    {
        var prices = Database.Repository<Price>(Clock);

        var created = await prices.CreateAsync(Context.Create(), new Price { Amount = Parse(written), Rate = Parse(written) * 1.000m });
        var stored = await prices.FindByIdAsync(Context.Create(), created.Id);

        Assert.Equal(form, Text(created.Amount));
        Assert.Equal(form, Text(stored!.Amount));
        Assert.Equal(Text(created.Rate!.Value), Text(stored.Rate!.Value));
        Assert.DoesNotMatch(@"\.\d*0$", Text(stored.Rate.Value));
    }

    [Fact]
    public async Task An_updated_decimal_reads_back_in_the_form_update_returned()
    {
        var prices = Database.Repository<Price>(Clock);
        var created = await prices.CreateAsync(Context.Create(), new Price { Amount = 1m });

        var updated = await prices.UpdateAsync(Context.Create(), new Price { Id = created.Id, Amount = 12.50m, Rate = 0.10m, Version = created.Version });
        var stored = await prices.FindByIdAsync(Context.Create(), created.Id);

        Assert.Equal(("12.5", "0.1"), (Text(updated.Amount), Text(updated.Rate!.Value)));
        Assert.Equal(("12.5", "0.1"), (Text(stored!.Amount), Text(stored.Rate!.Value)));
    }

    [Fact]
    public async Task Decimals_are_compared_by_value_in_queries()
    {
        var prices = Database.Repository<Price>(Clock);
        foreach (var amount in new[] { 9.99m, 10m, 10.01m })
        {
            await prices.CreateAsync(Context.Create(), new Price { Amount = amount });
        }

        var above = await prices.FindManyAsync(Context.Create(), p => p.Amount >= 10.00m);

        Assert.Equal(["10", "10.01"], above.Select(p => Text(p.Amount)).Order(StringComparer.Ordinal));
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Stamped_timestamps_keep_microseconds_and_the_returned_entity_equals_the_stored_one()
    {
        var items = Database.Repository<ConformanceItem>(Clock);
        Clock.Advance(TimeSpan.FromTicks(1_234_567)); // 123.4567 ms: sub-microsecond ticks are dropped

        var created = await items.CreateAsync(TenantA, Item("precise"));

        Assert.Equal(0, created.CreatedAt.UtcTicks % 10);
        Assert.Equal(Clock.GetUtcNow().UtcTicks - 7, created.CreatedAt.UtcTicks);
        var stored = await items.FindByIdAsync(TenantA, created.Id);
        Assert.Equal(created.CreatedAt, stored?.CreatedAt);
        Assert.Equal(created.UpdatedAt, stored?.UpdatedAt);
    }

    [Fact]
    public async Task Timestamps_with_any_offset_sort_and_filter_by_instant()
    {
        var appointments = Database.Repository<Appointment>(Clock);
        var anyone = Context.Create();
        var baseTime = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

        // Local times whose text order differs from their instant order, and sub-second differences.
        DateTimeOffset[] instants =
        [
            baseTime.ToOffset(TimeSpan.FromHours(-8)),
            baseTime.AddMilliseconds(500).ToOffset(TimeSpan.FromHours(9)),
            baseTime.AddSeconds(-1),
            baseTime.AddMilliseconds(250).ToOffset(TimeSpan.FromHours(2)),
            baseTime.AddDays(-1).ToOffset(TimeSpan.FromHours(14)),
        ];
        foreach (var (instant, index) in instants.Select((i, n) => (i, n)))
        {
            await appointments.CreateAsync(anyone, new Appointment { Title = $"a{index}", StartsAt = instant });
        }

        var sorted = await appointments.FindManyAsync(anyone, options: new() { Sort = Sort<Appointment>.By(a => a.StartsAt) });
        var after = await appointments.FindManyAsync(anyone, a => a.StartsAt > baseTime.ToOffset(TimeSpan.FromHours(3)));

        Assert.Equal(instants.OrderBy(i => i.UtcTicks).Select(i => i.UtcTicks), sorted.Select(a => a.StartsAt.UtcTicks));
        Assert.Equal(2, after.Count);
    }

    // ---- Entities without version or soft delete ----

    [Fact]
    public async Task A_plain_entity_is_updated_without_a_version_and_only_hard_deleted()
    {
        var tags = Database.Repository<Tag>(Clock);
        var anyone = Context.Create();
        var created = await tags.CreateAsync(anyone, new Tag { Label = "first" });

        var updated = await tags.UpdateAsync(anyone, new Tag { Id = created.Id, Label = "second" });
        var error = await Assert.ThrowsAsync<DatabaseError>(() => tags.SoftDeleteAsync(anyone, created.Id));

        Assert.Equal("second", updated.Label);
        Assert.Equal("second", (await tags.FindByIdAsync(anyone, created.Id))?.Label);
        Assert.Equal(ErrorCodes.Database.Failure, error.Code);
        await Assert.ThrowsAsync<NotFoundError>(() => tags.UpdateAsync(anyone, new Tag { Id = Guid.NewGuid(), Label = "ghost" }));
        Assert.True(await tags.HardDeleteAsync(anyone, created.Id));
        Assert.Equal(0, await tags.CountAsync(anyone));
    }

    // ---- Concurrency ----

    /// <summary>Parallel writers of one row, each updating with the version it read, retrying on conflict.</summary>
    protected virtual int Writers => 8;

    protected virtual int SuccessesPerWriter => 15;

    [Fact]
    public async Task Parallel_updates_of_one_row_have_exactly_one_winner_per_version_and_lose_nothing()
    {
        var items = Database.Repository<ConformanceItem>(TimeProvider.System);
        var row = await items.CreateAsync(TenantA, Item("contended", quantity: 0));
        var winners = new ConcurrentDictionary<long, int>();
        var conflicts = 0;
        var otherErrors = new ConcurrentQueue<Exception>();

        using var barrier = new Barrier(Writers);
        var writers = Enumerable.Range(0, Writers).Select(_ => Task.Factory.StartNew(
            async () =>
            {
                barrier.SignalAndWait(TimeSpan.FromSeconds(30));
                var done = 0;
                for (var attempt = 0; done < SuccessesPerWriter && attempt < 10_000; attempt++)
                {
                    var current = (await items.FindByIdAsync(TenantA, row.Id))!;
                    var read = current.Version;
                    current.Quantity++;
                    try
                    {
                        await items.UpdateAsync(TenantA, current, expectedVersion: read);
                        winners.AddOrUpdate(read, 1, (_, count) => count + 1);
                        done++;
                    }
                    catch (ConflictError error) when (error.Code == ErrorCodes.Conflict.Concurrency)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                    catch (Exception error)
                    {
                        otherErrors.Enqueue(error);
                        return;
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        await Task.WhenAll(writers);

        Assert.Empty(otherErrors);
        var total = Writers * SuccessesPerWriter;
        var stored = await items.FindByIdAsync(TenantA, row.Id);
        Assert.Equal(total, stored?.Quantity);
        Assert.Equal(total + 1, stored?.Version);
        Assert.Equal(Enumerable.Range(1, total).Select(v => (long)v), winners.Keys.Order());
        Assert.All(winners, pair => Assert.Equal(1, pair.Value));
        Assert.True(conflicts > 0, "The writers never collided: the test proved nothing.");
    }

    private static bool IsInteresting(string name) => name.Length % 2 == 0;

    private static int Rank(ConformanceItem item) => item.Name.Length;

    /// <summary>An entity <see cref="TestDbContext"/> does not map.</summary>
    public sealed class Unmapped : BaseEntity;
}
