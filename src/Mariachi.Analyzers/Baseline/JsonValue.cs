using System.Collections.Generic;

namespace Mariachi.Analyzers.Baseline;

/// <summary>A parsed JSON value with the offset it starts at; exactly one of the shapes is set (none for true, false, null).</summary>
internal sealed class JsonValue
{
    private JsonValue(int offset) => Offset = offset;

    public int Offset { get; }

    public List<(string Name, int NameOffset, JsonValue Value)>? Properties { get; private set; }

    public List<JsonValue>? Items { get; private set; }

    public string? String { get; private set; }

    public long? Number { get; private set; }

    public static JsonValue Object(int offset, List<(string, int, JsonValue)> properties) => new JsonValue(offset) { Properties = properties };

    public static JsonValue Array(int offset, List<JsonValue> items) => new JsonValue(offset) { Items = items };

    public static JsonValue Text(int offset, string value) => new JsonValue(offset) { String = value };

    public static JsonValue Integer(int offset, long value) => new JsonValue(offset) { Number = value };

    public static JsonValue Literal(int offset) => new JsonValue(offset);
}
