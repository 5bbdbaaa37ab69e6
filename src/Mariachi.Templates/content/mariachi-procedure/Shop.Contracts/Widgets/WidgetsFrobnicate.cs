using Mariachi.Communication;

namespace Shop.Contracts;

/// <summary>The input of widgets.frobnicate.</summary>
public sealed record WidgetsFrobnicateRequest(Guid Id);

/// <summary>The result of widgets.frobnicate.</summary>
public sealed record WidgetsFrobnicateResponse(Guid Id);

public static partial class WidgetsProcedures
{
    public static readonly Procedure<WidgetsFrobnicateRequest, WidgetsFrobnicateResponse> Frobnicate = new("widgets.frobnicate");
}
