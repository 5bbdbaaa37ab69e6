using Mariachi.Communication;

namespace Shop.Contracts;

/// <summary>
/// The orders procedures: the only contract between the API and the orders service. Partial, so that
/// <c>dotnet new mariachi-procedure</c> adds a handle in a file of its own.
/// </summary>
public static partial class OrdersProcedures
{
    public static readonly Procedure<CreateOrder, OrderView> Create = new("orders.create");
    public static readonly Procedure<GetOrder, OrderView> Get = new("orders.get");
}
