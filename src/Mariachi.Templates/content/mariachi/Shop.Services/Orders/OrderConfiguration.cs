using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Services;

/// <summary>How an order is stored; picked up by <see cref="ShopDb"/> with the other configurations of this assembly.</summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.Customer).HasMaxLength(100);
        builder.Property(o => o.Total).HasPrecision(18, 2);
    }
}
