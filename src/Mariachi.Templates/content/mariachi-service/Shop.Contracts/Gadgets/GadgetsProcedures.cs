using Mariachi.Communication;

namespace Shop.Contracts;

/// <summary>The input of gadgets.status.</summary>
public sealed record GadgetsStatusRequest;

/// <summary>The result of gadgets.status: the service answers, and its clock.</summary>
public sealed record GadgetsStatusResponse(string Service, DateTimeOffset Now);

/// <summary>
/// The gadgets procedures: the only contract between callers and the gadgets service. Partial, so that
/// <c>dotnet new mariachi-procedure</c> adds a handle in a file of its own.
/// </summary>
public static partial class GadgetsProcedures
{
    public static readonly Procedure<GadgetsStatusRequest, GadgetsStatusResponse> Status = new("gadgets.status");
}
