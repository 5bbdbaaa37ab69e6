using System.Globalization;
using CsCheck;
using Mariachi.Data;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Mariachi.Testing.Conformance;

public abstract partial class RepositoryConformanceTests
{
    private static readonly string[] ModelTenants = ["tenant-0", "tenant-1", "tenant-2"];

    /// <summary>An id no operation ever creates, so some operations target a row that does not exist.</summary>
    private static readonly Guid NeverCreatedId = Guid.Parse("deadbeef-0000-4000-8000-000000000000");

    private enum ModelAction
    {
        Create,
        Update,
        UpdateStale,
        SoftDelete,
        HardDelete,
        FindById,
        FindMany,
        Count,
        Paginate,
    }

    /// <summary>Random operation sequences run in the model-based test; lower it for slow adapters.</summary>
    protected virtual int ModelSamples => 100;

    /// <summary>The most operations in one sequence of the model-based test.</summary>
    protected virtual int ModelOperationsPerSample => 30;

    /// <summary>
    /// Runs random sequences of creates, updates (current and stale versions), deletes and queries from three tenants
    /// and a cross-tenant system context against a fresh repository and a simple model. After every step the
    /// repository must hold exactly what the model holds, every result must match the model, and no tenant may read
    /// or change another tenant's row.
    /// </summary>
    [Fact]
    public async Task Random_operation_sequences_match_the_model_and_never_cross_tenants()
    {
        var actions = Gen.Int[0, 11].Select(n => n switch
        {
            <= 2 => ModelAction.Create,
            3 or 4 => ModelAction.Update,
            5 => ModelAction.UpdateStale,
            6 => ModelAction.SoftDelete,
            7 => ModelAction.HardDelete,
            8 => ModelAction.FindById,
            9 => ModelAction.FindMany,
            10 => ModelAction.Count,
            _ => ModelAction.Paginate,
        });
        var operation = Gen.Select(
            actions,
            Gen.Int[0, ModelTenants.Length],
            Gen.Int[0, 1000],
            Gen.Int[0, 1000],
            (action, actor, target, value) => new ModelOperation(action, actor, target, value));

        await operation.Array[1, ModelOperationsPerSample].SampleAsync(
            RunModelSequenceAsync,
            iter: ModelSamples,
            threads: 1,
            print: operations => string.Join(Environment.NewLine, operations.Select(o => o.ToString())));
    }

    private async Task RunModelSequenceAsync(ModelOperation[] operations)
    {
        var clock = new FakeTimeProvider(Start);
        var repository = await CreateTenantRepositoryAsync(clock);
        try
        {
            var run = new ModelRun(repository, IdOrder);
            foreach (var operation in operations)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await run.ApplyAsync(operation, clock.GetUtcNow());
                await run.AssertStoreMatchesModelAsync();
            }
        }
        finally
        {
            await DisposeRepositoryAsync(repository);
        }
    }

    /// <summary>
    /// One operation: <see cref="Actor"/> 0-2 is a tenant, 3 the cross-tenant system context; <see cref="Target"/>
    /// picks a row (or a missing id) and <see cref="Value"/> the data, filters and paging.
    /// </summary>
    private sealed record ModelOperation(ModelAction Action, int Actor, int Target, int Value);

    /// <summary>The model of one sequence and the checks of each step.</summary>
    private sealed class ModelRun(IRepository<ConformanceItem> repository, IComparer<Guid> idOrder)
    {
        private static readonly Context[] TenantContexts = ModelTenants.Select(t => Context.Create(t, "model-user")).ToArray();

        private readonly Dictionary<Guid, ConformanceItem> _model = [];
        private readonly List<Guid> _knownIds = [];

        public async Task ApplyAsync(ModelOperation operation, DateTimeOffset now)
        {
            var tenant = operation.Actor < ModelTenants.Length ? ModelTenants[operation.Actor] : null;
            var context = tenant is null ? CrossTenantSystem : TenantContexts[operation.Actor];
            switch (operation.Action)
            {
                case ModelAction.Create:
                    await CreateAsync(context, tenant, operation, now);
                    break;
                case ModelAction.Update:
                case ModelAction.UpdateStale:
                    await UpdateAsync(context, tenant, operation, now);
                    break;
                case ModelAction.SoftDelete:
                    await SoftDeleteAsync(context, tenant, operation, now);
                    break;
                case ModelAction.HardDelete:
                    await HardDeleteAsync(context, tenant, operation);
                    break;
                case ModelAction.FindById:
                    await FindByIdAsync(context, tenant, operation);
                    break;
                case ModelAction.FindMany:
                    await FindManyAsync(context, tenant, operation);
                    break;
                case ModelAction.Count:
                    await CountAsync(context, tenant, operation);
                    break;
                case ModelAction.Paginate:
                    await PaginateAsync(context, tenant, operation);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(operation), operation.Action, "Unknown action.");
            }
        }

        /// <summary>
        /// Compares every stored row, whatever its tenant or deletion, with the model: this is what proves that a
        /// write aimed at another tenant's row changed nothing.
        /// </summary>
        public async Task AssertStoreMatchesModelAsync()
        {
            var stored = await repository.FindManyAsync(CrossTenantSystem, options: new() { IncludeDeleted = true });
            AssertSameItems(_model.Values.OrderBy(i => i.Id, idOrder), stored);
        }

        private async Task CreateAsync(Context context, string? tenant, ModelOperation operation, DateTimeOffset now)
        {
            // The supplied tenant is ignored for tenant contexts and names the owner for the cross-tenant context.
            var named = ModelTenants[operation.Value % ModelTenants.Length];
            var item = Data(operation.Value, "n");
            item.TenantId = named;
            item.Version = operation.Value;

            // Now and then reuse a known id (live, deleted or hard-deleted) to exercise uniqueness.
            if (operation.Target % 5 == 0 && _knownIds.Count > 0)
            {
                item.Id = _knownIds[operation.Target % _knownIds.Count];
            }

            if (item.Id != Guid.Empty && _model.ContainsKey(item.Id))
            {
                await AssertFailsAsync<ConflictError>(ErrorCodes.Conflict.Unique, () => repository.CreateAsync(context, item));
                return;
            }

            var created = await repository.CreateAsync(context, item);
            var expected = Data(operation.Value, "n");
            expected.Id = item.Id == Guid.Empty ? created.Id : item.Id;
            expected.TenantId = tenant ?? named;
            expected.Version = 1;
            expected.CreatedAt = now;
            expected.UpdatedAt = now;
            Assert.NotEqual(Guid.Empty, created.Id);
            AssertSameItem(expected, created);
            _model.Add(expected.Id, expected);
            if (!_knownIds.Contains(expected.Id))
            {
                _knownIds.Add(expected.Id);
            }
        }

        private async Task UpdateAsync(Context context, string? tenant, ModelOperation operation, DateTimeOffset now)
        {
            var id = TargetId(operation);
            var row = _model.GetValueOrDefault(id);
            var currentVersion = row?.Version ?? 1;
            var stale = operation.Action == ModelAction.UpdateStale;
            var sentVersion = stale ? currentVersion + (operation.Value % 2 == 0 ? -1 : 1) : currentVersion;
            var change = Data(operation.Value, "u");
            change.Id = id;
            change.TenantId = ModelTenants[(operation.Value / 7) % ModelTenants.Length]; // an attempted move
            change.CreatedAt = now.AddDays(-1);

            // Half the time the version travels on the entity, half the time as the explicit expectation.
            var explicitVersion = operation.Value % 4 < 2;
            change.Version = explicitVersion ? currentVersion + 1000 : sentVersion;
            Task<ConformanceItem> Update() =>
                repository.UpdateAsync(context, change, explicitVersion ? sentVersion : null);

            if (row is null || !CanSee(tenant, row) || row.DeletedAt is not null)
            {
                await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, Update);
                return;
            }

            if (stale)
            {
                var error = await AssertFailsAsync<ConflictError>(ErrorCodes.Conflict.Concurrency, Update);
                Assert.Equal(sentVersion, error.Metadata["expected"]);
                Assert.Equal(currentVersion, error.Metadata["actual"]);
                return;
            }

            var updated = await Update();
            var expected = Data(operation.Value, "u");
            expected.Id = id;
            expected.TenantId = row.TenantId;
            expected.Version = row.Version + 1;
            expected.CreatedAt = row.CreatedAt;
            expected.UpdatedAt = now;
            AssertSameItem(expected, updated);
            _model[id] = expected;
        }

        private async Task SoftDeleteAsync(Context context, string? tenant, ModelOperation operation, DateTimeOffset now)
        {
            var id = TargetId(operation);
            var row = _model.GetValueOrDefault(id);
            var expected = row is not null && CanSee(tenant, row) && row.DeletedAt is null;

            Assert.Equal(expected, await repository.SoftDeleteAsync(context, id));
            if (expected)
            {
                row!.DeletedAt = now;
                row.UpdatedAt = now;
                row.Version++;
            }
        }

        private async Task HardDeleteAsync(Context context, string? tenant, ModelOperation operation)
        {
            var id = TargetId(operation);
            var row = _model.GetValueOrDefault(id);
            var expected = row is not null && CanSee(tenant, row);

            Assert.Equal(expected, await repository.HardDeleteAsync(context, id));
            if (expected)
            {
                _model.Remove(id);
            }
        }

        private async Task FindByIdAsync(Context context, string? tenant, ModelOperation operation)
        {
            var id = TargetId(operation);
            var includeDeleted = operation.Value % 2 == 0;
            var row = _model.GetValueOrDefault(id);

            var found = await repository.FindByIdAsync(context, id, includeDeleted);

            if (row is not null && CanSee(tenant, row) && (includeDeleted || row.DeletedAt is null))
            {
                AssertSameItem(row, found);
            }
            else
            {
                Assert.Null(found);
            }

            AssertOwnedBy(tenant, found is null ? [] : [found]);
        }

        private async Task FindManyAsync(Context context, string? tenant, ModelOperation operation)
        {
            var minimum = operation.Value % 7;
            var includeDeleted = operation.Value % 2 == 1;
            var sortVariant = operation.Target % 3;
            int? limit = operation.Target % 4 == 0 ? null : (operation.Target % 6) + 1;

            var found = await repository.FindManyAsync(
                context,
                i => i.Quantity >= minimum,
                new QueryOptions<ConformanceItem> { Sort = RepositorySort(sortVariant), Limit = limit, IncludeDeleted = includeDeleted });

            var expected = ModelOrder(Matching(tenant, minimum, includeDeleted), sortVariant);
            AssertSameItems(limit is { } take ? expected.Take(take) : expected, found);
            AssertOwnedBy(tenant, found);
        }

        private async Task CountAsync(Context context, string? tenant, ModelOperation operation)
        {
            var minimum = operation.Value % 7;
            var includeDeleted = operation.Target % 2 == 1;

            var count = await repository.CountAsync(context, i => i.Quantity >= minimum, includeDeleted);

            Assert.Equal(Matching(tenant, minimum, includeDeleted).Count(), count);
        }

        private async Task PaginateAsync(Context context, string? tenant, ModelOperation operation)
        {
            var minimum = operation.Value % 7;
            var sortVariant = operation.Value % 3;
            var request = new PageRequest((operation.Target % 4) + 1, (operation.Value % 5) + 1);

            var page = await repository.PaginateAsync(context, request, i => i.Quantity >= minimum, RepositorySort(sortVariant));

            var expected = ModelOrder(Matching(tenant, minimum, includeDeleted: false), sortVariant).ToList();
            AssertSameItems(expected.Skip((int)request.Offset).Take(request.PageSize), page.Items);
            Assert.Equal(expected.Count, page.TotalCount);
            Assert.Equal(request.Page, page.PageNumber);
            Assert.Equal(request.PageSize, page.PageSize);
            AssertOwnedBy(tenant, page.Items);
        }

        private static bool CanSee(string? tenant, ConformanceItem row) =>
            tenant is null || string.Equals(row.TenantId, tenant, StringComparison.Ordinal);

        /// <summary>Zero cross-tenant reads: a tenant context only ever gets its own rows back.</summary>
        private static void AssertOwnedBy(string? tenant, IEnumerable<ConformanceItem> rows)
        {
            if (tenant is not null)
            {
                Assert.All(rows, row => Assert.Equal(tenant, row.TenantId));
            }
        }

        /// <summary>Values from a small range, so filters, sorts and pages hit ties and duplicates.</summary>
        private static ConformanceItem Data(int value, string prefix) =>
            new()
            {
                Name = prefix + (value % 5).ToString(CultureInfo.InvariantCulture),
                Category = "c" + (value % 3).ToString(CultureInfo.InvariantCulture),
                Quantity = value % 7,
            };

        private static Sort<ConformanceItem>? RepositorySort(int variant) =>
            variant switch
            {
                1 => Sort<ConformanceItem>.By(i => i.Quantity),
                2 => Sort<ConformanceItem>.ByDescending(i => i.Category).ThenBy(i => i.Name),
                _ => null,
            };

        private Guid TargetId(ModelOperation operation)
        {
            var index = operation.Target % (_knownIds.Count + 1);
            return index == _knownIds.Count ? NeverCreatedId : _knownIds[index];
        }

        private IEnumerable<ConformanceItem> Matching(string? tenant, int minimum, bool includeDeleted) =>
            _model.Values.Where(i => CanSee(tenant, i) && (includeDeleted || i.DeletedAt is null) && i.Quantity >= minimum);

        /// <summary>The model's version of <see cref="RepositorySort"/> and the id tiebreak.</summary>
        private IEnumerable<ConformanceItem> ModelOrder(IEnumerable<ConformanceItem> items, int variant) =>
            variant switch
            {
                1 => items.OrderBy(i => i.Quantity).ThenBy(i => i.Id, idOrder),
                2 => items.OrderByDescending(i => i.Category, StringComparer.Ordinal)
                    .ThenBy(i => i.Name, StringComparer.Ordinal)
                    .ThenBy(i => i.Id, idOrder),
                _ => items.OrderBy(i => i.Id, idOrder),
            };
    }
}
