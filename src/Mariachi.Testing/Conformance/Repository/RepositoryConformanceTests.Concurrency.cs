using Mariachi.Data;
using Xunit;

namespace Mariachi.Testing.Conformance;

public abstract partial class RepositoryConformanceTests
{
    /// <summary>Parallel workers in the concurrency tests.</summary>
    protected virtual int ConcurrencyWorkers => 8;

    /// <summary>Successful increments each worker makes in the lost-update test.</summary>
    protected virtual int IncrementsPerWorker => 25;

    /// <summary>
    /// Races run by each exactly-one-winner test. Many short races catch even a check-then-write gap of nanoseconds
    /// (an in-memory store); an adapter whose calls are slow may lower it.
    /// </summary>
    protected virtual int ConcurrencyRounds => 60;

    [Fact]
    public async Task Parallel_updates_with_the_same_expected_version_have_exactly_one_winner()
    {
        // Many rounds, each on a fresh row: a single race may finish before the workers overlap.
        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var row = await Items.CreateAsync(TenantA, NewItem($"contended {round}", quantity: 0));

            var results = await RunInParallelAsync(async worker =>
            {
                var change = Clone(row);
                change.Quantity = worker + 1;
                try
                {
                    await Items.UpdateAsync(TenantA, change, expectedVersion: 1);
                    return (Worker: worker + 1, Code: (string?)null);
                }
                catch (ConflictError error)
                {
                    return (Worker: worker + 1, Code: (string?)error.Code);
                }
            });

            var winner = Assert.Single(results, r => r.Code is null);
            Assert.All(results.Where(r => r.Code is not null), r => Assert.Equal(ErrorCodes.Conflict.Concurrency, r.Code));
            var stored = await ReadStoredAsync(row.Id);
            Assert.Equal(2, stored?.Version);
            Assert.Equal(winner.Worker, stored?.Quantity);
        }
    }

    [Fact]
    public async Task Parallel_read_modify_write_increments_lose_no_updates()
    {
        var row = await Items.CreateAsync(TenantA, NewItem("counter", quantity: 0));
        var increments = IncrementsPerWorker;

        // A bound on retries, so an adapter that never lets a worker through fails instead of hanging.
        var maxAttempts = increments * ConcurrencyWorkers * 50;
        var results = await RunInParallelAsync(async _ =>
        {
            var done = 0;
            for (var attempt = 0; done < increments; attempt++)
            {
                Assert.True(attempt < maxAttempts, $"A worker made {attempt} attempts without finishing its increments.");
                var current = await Items.FindByIdAsync(TenantA, row.Id);
                Assert.NotNull(current);
                current.Quantity++;
                try
                {
                    await Items.UpdateAsync(TenantA, current, expectedVersion: current.Version);
                    done++;
                }
                catch (ConflictError error) when (error.Code == ErrorCodes.Conflict.Concurrency)
                {
                    // Someone else wrote in between: read again and retry.
                }
            }

            return done;
        });
        var successes = results.Sum();

        var total = ConcurrencyWorkers * increments;
        Assert.Equal(total, successes);
        var stored = await ReadStoredAsync(row.Id);
        Assert.Equal(total, stored?.Quantity);
        Assert.Equal(1 + total, stored?.Version);
    }

    [Fact]
    public async Task Parallel_creates_with_the_same_id_have_exactly_one_winner()
    {
        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var id = Guid.NewGuid();
            var codes = await RunInParallelAsync(async worker =>
            {
                var item = NewItem($"worker {worker}");
                item.Id = id;
                try
                {
                    await Items.CreateAsync(TenantA, item);
                    return (string?)null;
                }
                catch (ConflictError error)
                {
                    return error.Code;
                }
            });

            Assert.Single(codes, c => c is null);
            Assert.All(codes.Where(c => c is not null), c => Assert.Equal(ErrorCodes.Conflict.Unique, c));
        }

        Assert.Equal(ConcurrencyRounds, await Items.CountAsync(TenantA));
    }

    [Fact]
    public async Task Parallel_soft_deletes_of_one_row_have_exactly_one_winner()
    {
        for (var round = 0; round < ConcurrencyRounds; round++)
        {
            var row = await Items.CreateAsync(TenantA, NewItem($"deleted once {round}"));

            var results = await RunInParallelAsync(_ => Items.SoftDeleteAsync(TenantA, row.Id));

            Assert.Single(results, deleted => deleted);
            Assert.Equal(2, (await ReadStoredAsync(row.Id))?.Version);
        }
    }

    /// <summary>
    /// Runs <see cref="ConcurrencyWorkers"/> workers that really overlap: each starts on its own thread and all are
    /// released together by a barrier. Workers started with Task.Run and a shared gate can run one after another
    /// (continuations of one completed task run in a single work item, and a busy thread pool may lend one thread),
    /// which would let a repository without atomic writes pass.
    /// </summary>
    protected async Task<TResult[]> RunInParallelAsync<TResult>(Func<int, Task<TResult>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var barrier = new Barrier(ConcurrencyWorkers);
        var workers = Enumerable.Range(0, ConcurrencyWorkers)
            .Select(worker => Task.Factory.StartNew(
                () =>
                {
                    if (!barrier.SignalAndWait(TimeSpan.FromSeconds(30)))
                    {
                        throw new TimeoutException("The workers did not all start within 30 seconds.");
                    }

                    return work(worker);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToArray();
        return await Task.WhenAll(workers);
    }
}
