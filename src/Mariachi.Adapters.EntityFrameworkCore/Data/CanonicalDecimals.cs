using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mariachi.Adapters.EntityFrameworkCore.Data;

/// <summary>
/// One form for each decimal, so an entity reads back as it was saved. Providers change a decimal's form, not its
/// value: SQLite keeps decimals as text with at least one fractional digit (10 reads back as 10.0) and PostgreSQL's
/// numeric(p,s) pads and rounds to its scale (10.00), while the saved entity still holds what the caller wrote (10),
/// and JSON writes each form differently. The canonical form is rounded to the property's scale when it has one
/// (half away from zero, as PostgreSQL rounds) and has no trailing zeros; reads and saves both produce it.
/// </summary>
internal static class CanonicalDecimals
{
    // Dividing by one with 28 fractional zeros gives the quotient with the fewest digits: no trailing zeros.
    private const decimal OneAtMaximumScale = 1.0000000000000000000000000000m;

    public static decimal Of(decimal value, int? scale)
    {
        if (scale is >= 0 and <= 28)
        {
            value = decimal.Round(value, scale.Value, MidpointRounding.AwayFromZero);
        }

        return value / OneAtMaximumScale;
    }

    /// <summary>Reads the decimal properties of <paramref name="entityType"/> in canonical form (call once their scales are configured).</summary>
    public static void Apply(IMutableEntityType entityType)
    {
        foreach (var property in entityType.GetDeclaredProperties())
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type == typeof(decimal) && property.GetValueConverter() is null && property.GetProviderClrType() is null)
            {
                property.SetValueConverter(new Converter(property.GetScale()));
            }
        }
    }

    /// <summary>Brings the decimals of an entity about to be saved into canonical form, in the entity itself.</summary>
    public static void OnSaving(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.GetValueConverter() is not Converter converter || property.CurrentValue is not decimal value)
            {
                continue;
            }

            var canonical = Of(value, converter.Scale);
            if (canonical.Scale == value.Scale && canonical == value)
            {
                continue;
            }

            // Written to the entity directly: EF's comparer sees 10.00 and 10 as equal and would not write it.
            if (property.Metadata.FieldInfo is { } field)
            {
                field.SetValue(entry.Entity, canonical);
            }
            else if (property.Metadata.PropertyInfo is { CanWrite: true } clrProperty)
            {
                clrProperty.SetValue(entry.Entity, canonical);
            }
        }
    }

    /// <summary>Stores the value as given (queries compare values, not forms) and reads it back canonical.</summary>
    private sealed class Converter : ValueConverter<decimal, decimal>
    {
        public Converter(int? scale)
            : base(value => value, stored => Of(stored, scale))
        {
            Scale = scale;
        }

        public int? Scale { get; }
    }
}
