using System.ComponentModel.DataAnnotations;

namespace Orders.Contracts;

public sealed record CreateOrder(
    [Required, StringLength(100, MinimumLength = 1)] string Customer,
    [Range(0.01, 1_000_000)] decimal Total);

public sealed record GetOrder(Guid Id);

public sealed record ListOrders([Range(1, int.MaxValue)] int Page = 1, [Range(1, 100)] int PageSize = 20);

public sealed record CancelOrder(Guid Id);

/// <summary>What callers see of an order.</summary>
public sealed record OrderView(Guid Id, string Customer, decimal Total, DateTimeOffset CreatedAt, long Version);
