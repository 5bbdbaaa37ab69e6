using System.Text;

namespace Mariachi.Cli.Procedures;

/// <summary>
/// `mariachi procedures` output, as pure functions of a <see cref="ProcedureMap"/>: a text catalog, and a picture of
/// callers (controllers) -> procedures -> services in Mermaid or Graphviz dot.
/// </summary>
internal static class ProcedureRendering
{
    public static readonly string[] Formats = ["text", "mermaid", "dot"];

    public static string Render(ProcedureMap map, string format) => format switch
    {
        "mermaid" => Mermaid(map),
        "dot" => Dot(map),
        _ => Text(map),
    };

    public static string Text(ProcedureMap map)
    {
        var text = new StringBuilder();
        text.Append("Procedures (").Append(map.Procedures.Count).Append(")\n");
        foreach (var procedure in map.Procedures)
        {
            text.Append("  ").Append(procedure.Name).Append(": ").Append(procedure.Input).Append(" -> ").Append(procedure.Output).Append('\n');
            text.Append("    registered: ").Append(procedure.Registrations.Count == 0 ? "nowhere in the solution" : string.Join(", ", procedure.Registrations)).Append('\n');
            if (procedure.Services.Count > 0)
            {
                text.Append("    services:   ").Append(string.Join(", ", procedure.Services)).Append('\n');
            }

            var projects = procedure.Callers.Select(c => c.Project).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            text.Append("    called:     ").Append(procedure.Callers.Count).Append(procedure.Callers.Count == 1 ? " time" : " times");
            text.Append(projects.Count > 0 ? " from " + string.Join(", ", projects) : string.Empty).Append('\n');
        }

        text.Append("Events (").Append(map.Events.Count).Append(")\n");
        foreach (var @event in map.Events)
        {
            text.Append("  ").Append(@event.Name).Append('\n');
            text.Append("    published:  ").Append(@event.Publishers.Count == 0 ? "nowhere" : string.Join(", ", @event.Publishers)).Append('\n');
            text.Append("    subscribed: ").Append(@event.Subscribers.Count == 0 ? "nowhere" : string.Join(", ", @event.Subscribers)).Append('\n');
        }

        return text.ToString();
    }

    public static string Mermaid(ProcedureMap map)
    {
        var text = new StringBuilder("flowchart LR\n");
        foreach (var (from, to, _) in Edges(map))
        {
            text.Append("  ").Append(Node(from)).Append(" --> ").Append(Node(to)).Append('\n');
        }

        return text.ToString();

        static string Node((string Kind, string Name) node) => node.Kind switch
        {
            "procedure" => $"{Id(node)}([\"{node.Name}\"])",
            _ => $"{Id(node)}[\"{node.Name}\"]",
        };
    }

    public static string Dot(ProcedureMap map)
    {
        var text = new StringBuilder("digraph procedures {\n  rankdir=LR;\n");
        foreach (var node in Edges(map).SelectMany(e => new[] { e.From, e.To }).Distinct())
        {
            var shape = node.Kind == "procedure" ? "ellipse" : "box";
            text.Append("  ").Append(Id(node)).Append(" [label=\"").Append(node.Name).Append("\", shape=").Append(shape).Append("];\n");
        }

        foreach (var (from, to, _) in Edges(map))
        {
            text.Append("  ").Append(Id(from)).Append(" -> ").Append(Id(to)).Append(";\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>Caller type -> procedure -> service, each edge once, in a stable order.</summary>
    private static IEnumerable<((string Kind, string Name) From, (string Kind, string Name) To, int Order)> Edges(ProcedureMap map)
    {
        var edges = new List<((string, string), (string, string), int)>();
        foreach (var procedure in map.Procedures)
        {
            var node = ("procedure", procedure.Name);
            edges.AddRange(procedure.Callers.Select(c => c.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(c => (("caller", c), node, 0)));
            edges.AddRange(procedure.Services.Select(s => (node, ("service", s), 1)));
        }

        return edges.Distinct().OrderBy(e => e.Item3).ThenBy(e => e.Item1.Item2, StringComparer.Ordinal).ThenBy(e => e.Item2.Item2, StringComparer.Ordinal).ToList();
    }

    private static string Id((string Kind, string Name) node) =>
        node.Kind[0] + "_" + new string(node.Name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
