using System.Reflection;

namespace Mariachi.Abstractions.Tests.Errors;

/// <summary>Every string constant of <see cref="ErrorCodes"/> and its nested classes, found by reflection.</summary>
internal static class ErrorCodeCatalog
{
    public static IReadOnlyList<(string Name, string Code)> All { get; } = Collect(typeof(ErrorCodes)).ToArray();

    private static IEnumerable<(string Name, string Code)> Collect(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsLiteral && field.FieldType == typeof(string))
            {
                yield return ($"{type.FullName}.{field.Name}", (string)field.GetRawConstantValue()!);
            }
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public))
        {
            foreach (var code in Collect(nested))
            {
                yield return code;
            }
        }
    }
}
