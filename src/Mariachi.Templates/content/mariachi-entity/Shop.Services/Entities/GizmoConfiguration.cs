using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Shop.Services;

/// <summary>How a gizmo is stored; the database applies every configuration of this assembly.</summary>
internal sealed class GizmoConfiguration : IEntityTypeConfiguration<Gizmo>
{
    public void Configure(EntityTypeBuilder<Gizmo> builder) =>
        builder.Property(g => g.Name).HasMaxLength(200);
}
