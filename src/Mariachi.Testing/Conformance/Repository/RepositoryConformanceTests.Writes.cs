using Mariachi.Data;
using Xunit;

namespace Mariachi.Testing.Conformance;

public abstract partial class RepositoryConformanceTests
{
    [Fact]
    public async Task Create_assigns_a_new_id_when_the_id_is_empty()
    {
        var first = await Items.CreateAsync(TenantA, NewItem("first"));
        var second = await Items.CreateAsync(TenantA, NewItem("second"));

        Assert.NotEqual(Guid.Empty, first.Id);
        Assert.NotEqual(Guid.Empty, second.Id);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("first", (await Items.FindByIdAsync(TenantA, first.Id))?.Name);
        Assert.Equal("second", (await Items.FindByIdAsync(TenantA, second.Id))?.Name);
    }

    [Fact]
    public async Task Create_keeps_a_caller_provided_id()
    {
        var id = Guid.Parse("6f1c2f0e-8a55-4d8e-9a35-0c3f5f0e2a11");
        var item = NewItem("chosen id");
        item.Id = id;

        var created = await Items.CreateAsync(TenantA, item);

        Assert.Equal(id, created.Id);
        AssertSameItem(created, await Items.FindByIdAsync(TenantA, id));
    }

    [Fact]
    public async Task Create_with_a_duplicate_id_throws_unique_conflict_and_keeps_the_existing_row()
    {
        var existing = await Items.CreateAsync(TenantA, NewItem("original"));
        var duplicate = NewItem("duplicate");
        duplicate.Id = existing.Id;
        Clock.Advance(TimeSpan.FromSeconds(1));

        await AssertFailsAsync<ConflictError>(ErrorCodes.Conflict.Unique, () => Items.CreateAsync(TenantA, duplicate));

        AssertSameItem(existing, await ReadStoredAsync(existing.Id));
        Assert.Equal(1, await Items.CountAsync(CrossTenantSystem, includeDeleted: true));
    }

    [Fact]
    public async Task Create_with_the_id_of_another_tenants_row_throws_unique_conflict_and_changes_nothing()
    {
        var other = await Items.CreateAsync(TenantB, NewItem("b"));
        var duplicate = NewItem("a takes b's id");
        duplicate.Id = other.Id;

        await AssertFailsAsync<ConflictError>(ErrorCodes.Conflict.Unique, () => Items.CreateAsync(TenantA, duplicate));

        AssertSameItem(other, await ReadStoredAsync(other.Id));
        Assert.Equal(0, await Items.CountAsync(TenantA, includeDeleted: true));
    }

    [Fact]
    public async Task Create_stamps_timestamps_version_and_clears_deleted_at_from_the_clock()
    {
        var item = NewItem("stamped");
        item.CreatedAt = Start.AddYears(-3);
        item.UpdatedAt = Start.AddYears(-2);
        item.DeletedAt = Start.AddYears(-1);
        item.Version = 42;
        Clock.Advance(TimeSpan.FromMinutes(5));

        var created = await Items.CreateAsync(TenantA, item);

        var now = Start.AddMinutes(5);
        Assert.Equal(now, created.CreatedAt);
        Assert.Equal(now, created.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, created.CreatedAt.Offset);
        Assert.Null(created.DeletedAt);
        Assert.Equal(1, created.Version);
        AssertSameItem(created, await Items.FindByIdAsync(TenantA, created.Id));
    }

    [Fact]
    public async Task Create_of_a_non_tenant_entity_stamps_timestamps_and_version()
    {
        Clock.Advance(TimeSpan.FromSeconds(30));

        var created = await Globals.CreateAsync(TenantA, new ConformanceGlobalItem { Name = "global", Version = 9 });

        Assert.NotEqual(Guid.Empty, created.Id);
        Assert.Equal(Start.AddSeconds(30), created.CreatedAt);
        Assert.Equal(Start.AddSeconds(30), created.UpdatedAt);
        Assert.Equal(1, created.Version);
        Assert.Null(created.DeletedAt);
    }

    [Fact]
    public async Task Update_with_the_current_version_stores_the_changes_and_increments_the_version()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("before", "old", 1));
        Clock.Advance(TimeSpan.FromSeconds(5));
        var change = Clone(created);
        change.Name = "after";
        change.Category = "new";
        change.Quantity = 7;
        change.CreatedAt = Start.AddYears(-1);
        change.UpdatedAt = Start.AddYears(-1);

        var updated = await Items.UpdateAsync(TenantA, change);

        var expected = Clone(created);
        expected.Name = "after";
        expected.Category = "new";
        expected.Quantity = 7;
        expected.Version = 2;
        expected.UpdatedAt = Start.AddSeconds(5);
        AssertSameItem(expected, updated);
        AssertSameItem(expected, await Items.FindByIdAsync(TenantA, created.Id));
    }

    [Fact]
    public async Task Successive_updates_each_increment_the_version()
    {
        var current = await Items.CreateAsync(TenantA, NewItem("v1"));
        for (var expectedVersion = 2; expectedVersion <= 4; expectedVersion++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            current.Name = $"v{expectedVersion}";
            current = await Items.UpdateAsync(TenantA, current);
            Assert.Equal(expectedVersion, current.Version);
            Assert.Equal(Clock.GetUtcNow(), current.UpdatedAt);
        }

        Assert.Equal(4, (await Items.FindByIdAsync(TenantA, current.Id))?.Version);
    }

    [Fact]
    public async Task Update_with_stale_version_throws_concurrency_conflict()
    {
        var original = await Items.CreateAsync(TenantA, NewItem("original"));
        var first = Clone(original);
        first.Name = "first writer";
        var stored = await Items.UpdateAsync(TenantA, first);
        var second = Clone(original);
        second.Name = "second writer";

        var error = await AssertFailsAsync<ConflictError>(ErrorCodes.Conflict.Concurrency, () => Items.UpdateAsync(TenantA, second));

        Assert.Equal(original.Id, error.Metadata["id"]);
        Assert.Equal(1L, error.Metadata["expected"]);
        Assert.Equal(2L, error.Metadata["actual"]);
        AssertSameItem(stored, await ReadStoredAsync(original.Id));
    }

    [Fact]
    public async Task Update_checks_the_explicit_expected_version_instead_of_the_entity_version()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("v1"));
        var change = Clone(created);
        change.Version = 99;
        change.Name = "explicit";

        var updated = await Items.UpdateAsync(TenantA, change, expectedVersion: 1);
        Assert.Equal(2, updated.Version);
        Assert.Equal("explicit", updated.Name);

        // The entity now carries the current version, but the explicit expectation is stale.
        var stale = Clone(updated);
        stale.Name = "stale";
        var error = await AssertFailsAsync<ConflictError>(ErrorCodes.Conflict.Concurrency, () => Items.UpdateAsync(TenantA, stale, expectedVersion: 1));
        Assert.Equal(1L, error.Metadata["expected"]);
        Assert.Equal(2L, error.Metadata["actual"]);
        AssertSameItem(updated, await ReadStoredAsync(created.Id));
    }

    [Fact]
    public async Task Update_of_a_missing_row_throws_not_found()
    {
        var missing = NewItem("ghost");
        missing.Id = Guid.Parse("0b4bd2f4-0d3a-4d6c-9f0c-7a1f0a3b9c55");
        missing.Version = 1;

        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(TenantA, missing));
        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(TenantA, NewItem("empty id")));

        Assert.Equal(0, await Items.CountAsync(CrossTenantSystem, includeDeleted: true));
    }

    [Fact]
    public async Task Update_of_a_soft_deleted_row_throws_not_found_even_with_the_current_version()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("deleted"));
        await Items.SoftDeleteAsync(TenantA, created.Id);
        var deleted = await ReadStoredAsync(created.Id);
        var change = Clone(deleted!);
        change.Name = "revived?";

        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(TenantA, change));
        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(CrossTenantSystem, change));

        AssertSameItem(deleted!, await ReadStoredAsync(created.Id));
    }

    [Fact]
    public async Task Update_of_a_hard_deleted_row_throws_not_found_and_does_not_recreate_it()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("gone"));
        await Items.HardDeleteAsync(TenantA, created.Id);

        await AssertFailsAsync<NotFoundError>(ErrorCodes.NotFound, () => Items.UpdateAsync(TenantA, Clone(created)));

        Assert.Null(await ReadStoredAsync(created.Id));
    }

    [Fact]
    public async Task Update_ignores_a_caller_supplied_deleted_at()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("alive"));
        var change = Clone(created);
        change.DeletedAt = Start;

        var updated = await Items.UpdateAsync(TenantA, change);

        Assert.Null(updated.DeletedAt);
        Assert.Null((await ReadStoredAsync(created.Id))?.DeletedAt);
        Assert.Equal(1, await Items.CountAsync(TenantA));
    }

    [Fact]
    public async Task Soft_delete_stamps_deleted_at_and_increments_the_version()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("doomed"));
        Clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(await Items.SoftDeleteAsync(TenantA, created.Id));

        var expected = Clone(created);
        expected.DeletedAt = Start.AddSeconds(10);
        expected.UpdatedAt = Start.AddSeconds(10);
        expected.Version = 2;
        AssertSameItem(expected, await Items.FindByIdAsync(TenantA, created.Id, includeDeleted: true));
    }

    [Fact]
    public async Task Soft_deleted_rows_are_hidden_unless_deleted_rows_are_asked_for()
    {
        var kept = await Items.CreateAsync(TenantA, NewItem("kept"));
        var deleted = await Items.CreateAsync(TenantA, NewItem("deleted"));
        await Items.SoftDeleteAsync(TenantA, deleted.Id);
        var bothIds = new[] { kept.Id, deleted.Id }.Order(IdOrder).ToList();

        Assert.Null(await Items.FindByIdAsync(TenantA, deleted.Id));
        Assert.NotNull(await Items.FindByIdAsync(TenantA, deleted.Id, includeDeleted: true));
        Assert.Equal([kept.Id], (await Items.FindManyAsync(TenantA)).Select(i => i.Id));
        Assert.Equal(bothIds, (await Items.FindManyAsync(TenantA, options: new() { IncludeDeleted = true })).Select(i => i.Id));
        Assert.Equal(1, await Items.CountAsync(TenantA));
        Assert.Equal(2, await Items.CountAsync(TenantA, includeDeleted: true));
        var page = await Items.PaginateAsync(TenantA, new PageRequest(1, 10));
        Assert.Equal(1, page.TotalCount);
        Assert.Equal([kept.Id], page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task Soft_delete_of_a_deleted_row_returns_false_and_changes_nothing()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("once"));
        Assert.True(await Items.SoftDeleteAsync(TenantA, created.Id));
        var deleted = await ReadStoredAsync(created.Id);
        Clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await Items.SoftDeleteAsync(TenantA, created.Id));

        AssertSameItem(deleted!, await ReadStoredAsync(created.Id));
    }

    [Fact]
    public async Task Soft_delete_of_a_missing_row_returns_false()
    {
        Assert.False(await Items.SoftDeleteAsync(TenantA, Guid.Parse("5d0c4d1e-3b9f-4f0b-8a7e-2b1c6d9e0f33")));
        Assert.False(await Items.SoftDeleteAsync(TenantA, Guid.Empty));
    }

    [Fact]
    public async Task Hard_delete_removes_the_row()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("erased"));
        var kept = await Items.CreateAsync(TenantA, NewItem("kept"));

        Assert.True(await Items.HardDeleteAsync(TenantA, created.Id));

        Assert.Null(await ReadStoredAsync(created.Id));
        Assert.Equal([kept.Id], (await Items.FindManyAsync(TenantA, options: new() { IncludeDeleted = true })).Select(i => i.Id));
        Assert.False(await Items.HardDeleteAsync(TenantA, created.Id));
    }

    [Fact]
    public async Task Hard_delete_removes_a_soft_deleted_row()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("twice deleted"));
        await Items.SoftDeleteAsync(TenantA, created.Id);

        Assert.True(await Items.HardDeleteAsync(TenantA, created.Id));

        Assert.Null(await ReadStoredAsync(created.Id));
        Assert.Equal(0, await Items.CountAsync(TenantA, includeDeleted: true));
    }

    [Fact]
    public async Task Hard_delete_of_a_missing_row_returns_false()
    {
        await Items.CreateAsync(TenantA, NewItem("bystander"));

        Assert.False(await Items.HardDeleteAsync(TenantA, Guid.Parse("9a7c3e55-1f2b-4c8d-b6e0-4d3a2c1b0e99")));
        Assert.Equal(1, await Items.CountAsync(TenantA));
    }
}
