using System.ComponentModel.DataAnnotations;

namespace Shop.Contracts;

public sealed record CreateOrder(
    [Required, StringLength(100, MinimumLength = 1)] string Customer,
    [Range(0.01, 1_000_000)] decimal Total);

public sealed record GetOrder(Guid Id);

/// <summary>What callers see of an order.</summary>
public sealed record OrderView(Guid Id, string Customer, decimal Total, DateTimeOffset CreatedAt);
