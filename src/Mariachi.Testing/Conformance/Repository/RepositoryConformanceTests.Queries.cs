using Mariachi.Data;
using Xunit;

namespace Mariachi.Testing.Conformance;

public abstract partial class RepositoryConformanceTests
{
    [Fact]
    public async Task Find_many_without_a_sort_orders_by_id()
    {
        var created = new List<ConformanceItem>();
        for (var i = 0; i < 6; i++)
        {
            created.Add(await Items.CreateAsync(TenantA, NewItem($"item {i}")));
        }

        var found = await Items.FindManyAsync(TenantA);

        AssertSameItems(created.OrderBy(i => i.Id, IdOrder), found);
    }

    [Fact]
    public async Task Find_many_applies_the_filter()
    {
        await Items.CreateAsync(TenantA, NewItem("few", "tools", 2));
        var many = await Items.CreateAsync(TenantA, NewItem("many", "tools", 20));
        await Items.CreateAsync(TenantA, NewItem("other", "food", 30));

        var found = await Items.FindManyAsync(TenantA, i => i.Category == "tools" && i.Quantity > 10);

        AssertSameItems([many], found);
    }

    [Fact]
    public async Task Find_many_orders_by_the_sort_keys_then_by_id()
    {
        // Ids are chosen so that creation order, id order and sort order all differ.
        (string Id, string Category, int Quantity)[] rows =
        [
            ("00000000-0000-0000-0000-000000000005", "b", 1),
            ("00000000-0000-0000-0000-000000000002", "a", 2),
            ("00000000-0000-0000-0000-000000000004", "b", 1),
            ("00000000-0000-0000-0000-000000000001", "a", 1),
            ("00000000-0000-0000-0000-000000000003", "b", 3),
            ("00000000-0000-0000-0000-000000000006", "a", 2),
        ];
        foreach (var (id, category, quantity) in rows)
        {
            var item = NewItem($"item {id[^1]}", category, quantity);
            item.Id = Guid.Parse(id);
            await Items.CreateAsync(TenantA, item);
        }

        var ascending = await Items.FindManyAsync(
            TenantA,
            options: new() { Sort = Sort<ConformanceItem>.By(i => i.Category).ThenByDescending(i => i.Quantity) });
        var descending = await Items.FindManyAsync(
            TenantA,
            options: new() { Sort = Sort<ConformanceItem>.ByDescending(i => i.Quantity) });

        Assert.Equal(["item 2", "item 6", "item 1", "item 3", "item 4", "item 5"], ascending.Select(i => i.Name));
        Assert.Equal(["item 3", "item 2", "item 6", "item 1", "item 4", "item 5"], descending.Select(i => i.Name));
    }

    [Fact]
    public async Task Find_many_applies_the_limit_after_ordering()
    {
        foreach (var quantity in new[] { 5, 3, 1, 4, 2 })
        {
            await Items.CreateAsync(TenantA, NewItem($"q{quantity}", quantity: quantity));
        }

        var found = await Items.FindManyAsync(
            TenantA,
            i => i.Quantity > 1,
            new QueryOptions<ConformanceItem> { Sort = Sort<ConformanceItem>.By(i => i.Quantity), Limit = 2 });

        Assert.Equal([2, 3], found.Select(i => i.Quantity));
    }

    [Fact]
    public async Task Find_many_with_a_non_positive_limit_throws_invalid_input()
    {
        await Items.CreateAsync(TenantA, NewItem("any"));

        await AssertFailsAsync<ValidationError>(
            ErrorCodes.Validation.InvalidInput,
            () => Items.FindManyAsync(TenantA, options: new() { Limit = 0 }));
        await AssertFailsAsync<ValidationError>(
            ErrorCodes.Validation.InvalidInput,
            () => Items.FindManyAsync(TenantA, options: new() { Limit = -3 }));
    }

    [Fact]
    public async Task Find_many_returns_an_empty_list_when_nothing_matches()
    {
        await Items.CreateAsync(TenantA, NewItem("any", quantity: 1));

        Assert.Empty(await Items.FindManyAsync(TenantA, i => i.Quantity > 100));
        Assert.Empty(await Items.FindManyAsync(TenantB));
    }

    [Fact]
    public async Task Paginate_walks_every_row_once_in_a_deterministic_order()
    {
        for (var i = 0; i < 7; i++)
        {
            await Items.CreateAsync(TenantA, NewItem($"item {i}", i % 2 == 0 ? "even" : "odd"));
        }

        var sort = Sort<ConformanceItem>.By(i => i.Category);
        var all = await Items.FindManyAsync(TenantA, options: new() { Sort = sort });
        var pages = new List<Page<ConformanceItem>>();
        for (var number = 1; number <= 3; number++)
        {
            pages.Add(await Items.PaginateAsync(TenantA, new PageRequest(number, 3), sort: sort));
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        AssertSameItems(all, pages.SelectMany(p => p.Items));
        Assert.Equal(7, all.Count);
        Assert.All(pages, p => Assert.Equal(7, p.TotalCount));
        Assert.All(pages, p => Assert.Equal(3, p.TotalPages));
        Assert.All(pages, p => Assert.Equal(3, p.PageSize));
        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber));
        Assert.Equal([true, true, false], pages.Select(p => p.HasNextPage));
        Assert.Equal([false, true, true], pages.Select(p => p.HasPreviousPage));
    }

    [Fact]
    public async Task Paginate_beyond_the_last_page_returns_no_items_and_the_total()
    {
        for (var i = 0; i < 4; i++)
        {
            await Items.CreateAsync(TenantA, NewItem($"item {i}"));
        }

        var page = await Items.PaginateAsync(TenantA, new PageRequest(5, 3));

        Assert.Empty(page.Items);
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(5, page.PageNumber);
        Assert.False(page.HasNextPage);
    }

    [Fact]
    public async Task Paginate_applies_the_filter_and_sort_and_hides_deleted_rows()
    {
        var small = await Items.CreateAsync(TenantA, NewItem("small", quantity: 1));
        var big = await Items.CreateAsync(TenantA, NewItem("big", quantity: 10));
        var bigger = await Items.CreateAsync(TenantA, NewItem("bigger", quantity: 20));
        var deleted = await Items.CreateAsync(TenantA, NewItem("deleted", quantity: 30));
        await Items.SoftDeleteAsync(TenantA, deleted.Id);

        var page = await Items.PaginateAsync(
            TenantA,
            new PageRequest(1, 10),
            i => i.Quantity >= 10,
            Sort<ConformanceItem>.ByDescending(i => i.Quantity));

        AssertSameItems([bigger, big], page.Items);
        Assert.Equal(2, page.TotalCount);
        Assert.DoesNotContain(page.Items, i => i.Id == small.Id);
    }

    [Fact]
    public async Task Paginate_of_an_empty_store_returns_an_empty_page()
    {
        var page = await Items.PaginateAsync(TenantA, new PageRequest(1, PageRequest.DefaultPageSize));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
        Assert.Equal(0, page.TotalPages);
        Assert.False(page.HasNextPage);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(1, 0)]
    [InlineData(1, PageRequest.MaxPageSize + 1)]
    public async Task Paginate_with_an_invalid_request_throws_invalid_input(int page, int pageSize)
    {
        await Items.CreateAsync(TenantA, NewItem("any"));

        await AssertFailsAsync<ValidationError>(
            ErrorCodes.Validation.InvalidInput,
            () => Items.PaginateAsync(TenantA, new PageRequest(page, pageSize)));
    }

    [Fact]
    public async Task Count_applies_the_filter_and_include_deleted()
    {
        await Items.CreateAsync(TenantA, NewItem("a", "tools"));
        await Items.CreateAsync(TenantA, NewItem("b", "tools"));
        await Items.CreateAsync(TenantA, NewItem("c", "food"));
        var deleted = await Items.CreateAsync(TenantA, NewItem("d", "tools"));
        await Items.SoftDeleteAsync(TenantA, deleted.Id);

        Assert.Equal(3, await Items.CountAsync(TenantA));
        Assert.Equal(4, await Items.CountAsync(TenantA, includeDeleted: true));
        Assert.Equal(2, await Items.CountAsync(TenantA, i => i.Category == "tools"));
        Assert.Equal(3, await Items.CountAsync(TenantA, i => i.Category == "tools", includeDeleted: true));
        Assert.Equal(0, await Items.CountAsync(TenantA, i => i.Category == "toys"));
    }

    [Fact]
    public async Task Mutating_a_returned_entity_does_not_change_the_store()
    {
        var created = await Items.CreateAsync(TenantA, NewItem("pristine", quantity: 1));
        var stored = Clone(created);
        var returned = new List<ConformanceItem>
        {
            created,
            (await Items.FindByIdAsync(TenantA, created.Id))!,
            (await Items.FindManyAsync(TenantA)).Single(),
            (await Items.PaginateAsync(TenantA, new PageRequest(1, 10))).Items.Single(),
        };

        foreach (var item in returned)
        {
            item.Name = "tampered";
            item.Quantity = 666;
            item.TenantId = "tenant-b";
            item.Version = 99;
            item.DeletedAt = Start;
        }

        AssertSameItem(stored, await ReadStoredAsync(created.Id));

        var change = Clone(stored);
        change.Name = "updated";
        var updated = await Items.UpdateAsync(TenantA, change);
        var afterUpdate = Clone(updated);
        updated.Name = "tampered after update";
        updated.Quantity = 667;

        AssertSameItem(afterUpdate, await ReadStoredAsync(created.Id));
    }

    [Fact]
    public async Task Mutating_a_passed_entity_after_the_call_does_not_change_the_store()
    {
        var passed = NewItem("as passed", quantity: 1);
        var created = await Items.CreateAsync(TenantA, passed);
        var afterCreate = Clone(created);
        passed.Name = "mutated after create";
        passed.Quantity = 2;

        AssertSameItem(afterCreate, await ReadStoredAsync(created.Id));

        var change = Clone(created);
        change.Name = "as updated";
        var updated = await Items.UpdateAsync(TenantA, change);
        var afterUpdate = Clone(updated);
        change.Name = "mutated after update";
        change.Quantity = 3;

        AssertSameItem(afterUpdate, await ReadStoredAsync(created.Id));
    }

    [Fact]
    public async Task A_canceled_token_cancels_every_method()
    {
        var existing = await Items.CreateAsync(TenantA, NewItem("existing"));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var token = cancellation.Token;
        var change = Clone(existing);
        change.Name = "canceled";

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Items.FindByIdAsync(TenantA, existing.Id, cancellationToken: token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Items.FindManyAsync(TenantA, cancellationToken: token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Items.CreateAsync(TenantA, NewItem("canceled"), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Items.UpdateAsync(TenantA, change, cancellationToken: token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Items.SoftDeleteAsync(TenantA, existing.Id, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Items.HardDeleteAsync(TenantA, existing.Id, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Items.PaginateAsync(TenantA, new PageRequest(1, 10), cancellationToken: token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Items.CountAsync(TenantA, cancellationToken: token));

        AssertSameItem(existing, await ReadStoredAsync(existing.Id));
        Assert.Equal(1, await Items.CountAsync(TenantA, includeDeleted: true));
    }

    [Fact]
    public async Task A_null_context_throws_argument_null()
    {
        var existing = await Items.CreateAsync(TenantA, NewItem("existing"));
        Context context = null!;

        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Items.FindByIdAsync(context, existing.Id));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Items.FindManyAsync(context));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Items.CreateAsync(context, NewItem("x")));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Items.UpdateAsync(context, Clone(existing)));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Items.SoftDeleteAsync(context, existing.Id));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Items.HardDeleteAsync(context, existing.Id));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Items.PaginateAsync(context, new PageRequest(1, 10)));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Items.CountAsync(context));
        await Assert.ThrowsAnyAsync<ArgumentNullException>(() => Globals.CountAsync(context));

        AssertSameItem(existing, await ReadStoredAsync(existing.Id));
    }
}
