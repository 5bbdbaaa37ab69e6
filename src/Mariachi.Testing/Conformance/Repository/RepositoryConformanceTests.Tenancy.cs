using Mariachi.Data;
using Xunit;

namespace Mariachi.Testing.Conformance;

public abstract partial class RepositoryConformanceTests
{
    [Fact]
    public async Task Every_method_without_a_tenant_throws_missing_tenant_and_changes_nothing()
    {
        var existing = await Items.CreateAsync(TenantA, NewItem("kept"));
        Context[] tenantless =
        [
            Context.Create(),
            Context.Create(userId: "user-without-tenant"),
            Context.Detached("repository conformance: detached flow"),
        ];

        foreach (var context in tenantless)
        {
            var change = Clone(existing);
            change.Name = "changed";
            var supplied = NewItem("refused");
            supplied.TenantId = "tenant-a";

            await AssertMissingTenantAsync(() => Items.FindByIdAsync(context, existing.Id));
            await AssertMissingTenantAsync(() => Items.FindByIdAsync(context, existing.Id, includeDeleted: true));
            await AssertMissingTenantAsync(() => Items.FindManyAsync(context));
            await AssertMissingTenantAsync(() => Items.CreateAsync(context, supplied));
            await AssertMissingTenantAsync(() => Items.UpdateAsync(context, change));
            await AssertMissingTenantAsync(() => Items.SoftDeleteAsync(context, existing.Id));
            await AssertMissingTenantAsync(() => Items.HardDeleteAsync(context, existing.Id));
            await AssertMissingTenantAsync(() => Items.PaginateAsync(context, new PageRequest(1, 10)));
            await AssertMissingTenantAsync(() => Items.CountAsync(context));
        }

        Assert.Equal(1, await Items.CountAsync(CrossTenantSystem, includeDeleted: true));
        AssertSameItem(existing, await ReadStoredAsync(existing.Id));
    }

    [Fact]
    public async Task Create_stamps_the_context_tenant_and_ignores_a_supplied_one()
    {
        var supplied = NewItem("mine");
        supplied.TenantId = "tenant-b";

        var created = await Items.CreateAsync(TenantA, supplied);

        Assert.Equal("tenant-a", created.TenantId);
        AssertSameItem(created, await Items.FindByIdAsync(TenantA, created.Id));
        Assert.Null(await Items.FindByIdAsync(TenantB, created.Id));
        Assert.Equal(0, await Items.CountAsync(TenantB));
    }

    [Fact]
    public async Task System_context_with_a_tenant_acts_inside_that_tenant()
    {
        var systemForA = Context.System("repository conformance: tenant-a maintenance", "tenant-a");
        var ownRow = await Items.CreateAsync(TenantA, NewItem("a"));
        var otherRow = await Items.CreateAsync(TenantB, NewItem("b"));
        var supplied = NewItem("created by system");
        supplied.TenantId = "tenant-b";

        var created = await Items.CreateAsync(systemForA, supplied);

        Assert.Equal("tenant-a", created.TenantId);
        AssertSameItem(ownRow, await Items.FindByIdAsync(systemForA, ownRow.Id));
        Assert.Null(await Items.FindByIdAsync(systemForA, otherRow.Id));
        Assert.Equal(new[] { ownRow.Id, created.Id }.Order(IdOrder), (await Items.FindManyAsync(systemForA)).Select(i => i.Id));
        Assert.Equal(2, await Items.CountAsync(systemForA));
        Assert.Equal(2, (await Items.PaginateAsync(systemForA, new PageRequest(1, 10))).TotalCount);
        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(systemForA, Clone(otherRow)));
        Assert.False(await Items.SoftDeleteAsync(systemForA, otherRow.Id));
        Assert.False(await Items.HardDeleteAsync(systemForA, otherRow.Id));
        AssertSameItem(otherRow, await ReadStoredAsync(otherRow.Id));
    }

    [Fact]
    public async Task Cross_tenant_system_context_reads_and_writes_every_tenant()
    {
        var rowA = await Items.CreateAsync(TenantA, NewItem("a"));
        var rowB = await Items.CreateAsync(TenantB, NewItem("b"));
        Clock.Advance(TimeSpan.FromSeconds(1));

        AssertSameItem(rowB, await Items.FindByIdAsync(CrossTenantSystem, rowB.Id));
        AssertSameItems([rowA, rowB], (await Items.FindManyAsync(CrossTenantSystem)).OrderBy(i => i.Name, StringComparer.Ordinal));
        Assert.Equal(2, await Items.CountAsync(CrossTenantSystem));
        Assert.Equal(2, (await Items.PaginateAsync(CrossTenantSystem, new PageRequest(1, 10))).TotalCount);

        var change = Clone(rowB);
        change.Name = "b, fixed by system";
        change.TenantId = "tenant-a";
        var updated = await Items.UpdateAsync(CrossTenantSystem, change);
        Assert.Equal("tenant-b", updated.TenantId);
        Assert.Equal("b, fixed by system", (await Items.FindByIdAsync(TenantB, rowB.Id))?.Name);

        Assert.True(await Items.SoftDeleteAsync(CrossTenantSystem, rowA.Id));
        Assert.True(await Items.HardDeleteAsync(CrossTenantSystem, rowB.Id));
        Assert.Equal(1, await Items.CountAsync(CrossTenantSystem, includeDeleted: true));
    }

    [Fact]
    public async Task Cross_tenant_system_create_uses_the_tenant_named_on_the_entity()
    {
        var supplied = NewItem("seeded");
        supplied.TenantId = "tenant-b";

        var created = await Items.CreateAsync(CrossTenantSystem, supplied);

        Assert.Equal("tenant-b", created.TenantId);
        AssertSameItem(created, await Items.FindByIdAsync(TenantB, created.Id));
        Assert.Null(await Items.FindByIdAsync(TenantA, created.Id));
    }

    [Fact]
    public async Task Cross_tenant_system_create_without_a_named_tenant_throws_missing_tenant()
    {
        await AssertMissingTenantAsync(() => Items.CreateAsync(CrossTenantSystem, NewItem("orphan")));

        Assert.Equal(0, await Items.CountAsync(CrossTenantSystem, includeDeleted: true));
    }

    [Fact]
    public async Task Another_tenants_row_is_not_found_by_id()
    {
        var other = await Items.CreateAsync(TenantB, NewItem("b"));

        Assert.Null(await Items.FindByIdAsync(TenantA, other.Id));
        Assert.Null(await Items.FindByIdAsync(TenantA, other.Id, includeDeleted: true));
    }

    [Fact]
    public async Task Queries_never_include_another_tenants_rows()
    {
        var ownRows = new[] { await Items.CreateAsync(TenantA, NewItem("a1")), await Items.CreateAsync(TenantA, NewItem("a2")) };
        for (var i = 0; i < 3; i++)
        {
            await Items.CreateAsync(TenantB, NewItem($"b{i}"));
        }

        var deletedB = await Items.CreateAsync(TenantB, NewItem("b-deleted"));
        await Items.SoftDeleteAsync(TenantB, deletedB.Id);
        var expectedIds = ownRows.Select(i => i.Id).Order(IdOrder).ToList();

        Assert.Equal(expectedIds, (await Items.FindManyAsync(TenantA)).Select(i => i.Id));
        Assert.Equal(expectedIds, (await Items.FindManyAsync(TenantA, options: new() { IncludeDeleted = true })).Select(i => i.Id));
        Assert.All(await Items.FindManyAsync(TenantA, i => true), i => Assert.Equal("tenant-a", i.TenantId));
        Assert.Equal(2, await Items.CountAsync(TenantA));
        Assert.Equal(2, await Items.CountAsync(TenantA, includeDeleted: true));
        Assert.Equal(3, await Items.CountAsync(TenantB));
        Assert.Equal(4, await Items.CountAsync(TenantB, includeDeleted: true));
        var page = await Items.PaginateAsync(TenantA, new PageRequest(1, 10));
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(expectedIds, page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task A_filter_naming_another_tenant_cannot_widen_the_scope()
    {
        await Items.CreateAsync(TenantB, NewItem("b"));

        Assert.Empty(await Items.FindManyAsync(TenantA, i => i.TenantId == "tenant-b"));
        Assert.Equal(0, await Items.CountAsync(TenantA, i => i.TenantId == "tenant-b", includeDeleted: true));
        Assert.Equal(0, (await Items.PaginateAsync(TenantA, new PageRequest(1, 10), i => i.TenantId == "tenant-b")).TotalCount);
    }

    [Fact]
    public async Task Update_of_another_tenants_row_throws_not_found_and_changes_nothing()
    {
        var other = await Items.CreateAsync(TenantB, NewItem("b", quantity: 5));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var change = Clone(other);
        change.Name = "hijacked";
        change.Quantity = 500;

        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(TenantA, change));
        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(TenantA, change, expectedVersion: 1));

        AssertSameItem(other, await ReadStoredAsync(other.Id));
    }

    [Fact]
    public async Task Soft_delete_of_another_tenants_row_returns_false_and_changes_nothing()
    {
        var other = await Items.CreateAsync(TenantB, NewItem("b"));
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await Items.SoftDeleteAsync(TenantA, other.Id));

        AssertSameItem(other, await ReadStoredAsync(other.Id));
        Assert.NotNull(await Items.FindByIdAsync(TenantB, other.Id));
    }

    [Fact]
    public async Task Hard_delete_of_another_tenants_row_returns_false_and_changes_nothing()
    {
        var other = await Items.CreateAsync(TenantB, NewItem("b"));
        var deletedOther = await Items.CreateAsync(TenantB, NewItem("b-deleted"));
        await Items.SoftDeleteAsync(TenantB, deletedOther.Id);
        var deletedStored = await ReadStoredAsync(deletedOther.Id);

        Assert.False(await Items.HardDeleteAsync(TenantA, other.Id));
        Assert.False(await Items.HardDeleteAsync(TenantA, deletedOther.Id));

        AssertSameItem(other, await ReadStoredAsync(other.Id));
        AssertSameItem(deletedStored!, await ReadStoredAsync(deletedOther.Id));
    }

    [Fact]
    public async Task Update_cannot_move_a_row_to_another_tenant()
    {
        var own = await Items.CreateAsync(TenantA, NewItem("a"));
        var change = Clone(own);
        change.TenantId = "tenant-b";
        change.Name = "moved?";

        var updated = await Items.UpdateAsync(TenantA, change);

        Assert.Equal("tenant-a", updated.TenantId);
        Assert.Equal("moved?", (await Items.FindByIdAsync(TenantA, own.Id))?.Name);
        Assert.Null(await Items.FindByIdAsync(TenantB, own.Id));
        Assert.Equal(0, await Items.CountAsync(TenantB, includeDeleted: true));
    }

    [Fact]
    public async Task Non_tenant_entities_need_no_tenant_and_are_shared_by_all_tenants()
    {
        var anonymous = Context.Create();
        var created = await Globals.CreateAsync(anonymous, new ConformanceGlobalItem { Name = "shared" });
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("shared", (await Globals.FindByIdAsync(TenantA, created.Id))?.Name);
        Assert.Equal("shared", (await Globals.FindByIdAsync(TenantB, created.Id))?.Name);
        Assert.Single(await Globals.FindManyAsync(anonymous));
        Assert.Equal(1, await Globals.CountAsync(TenantB));
        Assert.Equal(1, (await Globals.PaginateAsync(anonymous, new PageRequest(1, 5))).TotalCount);

        var change = new ConformanceGlobalItem { Id = created.Id, Name = "renamed", Version = created.Version };
        var updated = await Globals.UpdateAsync(TenantB, change);
        Assert.Equal(2, updated.Version);
        Assert.Equal(Start, updated.CreatedAt);
        Assert.Equal(Start.AddSeconds(1), updated.UpdatedAt);
        await AssertFailsAsync<ConflictError>(ErrorCodes.Conflict.Concurrency, () => Globals.UpdateAsync(anonymous, change));

        Assert.True(await Globals.SoftDeleteAsync(anonymous, created.Id));
        Assert.Null(await Globals.FindByIdAsync(TenantA, created.Id));
        Assert.Equal(Start.AddSeconds(1), (await Globals.FindByIdAsync(TenantA, created.Id, includeDeleted: true))?.DeletedAt);
        Assert.True(await Globals.HardDeleteAsync(anonymous, created.Id));
        Assert.Equal(0, await Globals.CountAsync(anonymous, includeDeleted: true));
    }

    private static Task AssertMissingTenantAsync(Func<Task> action) =>
        AssertFailsAsync<TenancyError>(ErrorCodes.Tenancy.MissingTenant, action);
}
