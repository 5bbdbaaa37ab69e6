using Mariachi.Communication;
using Mariachi.Data;

namespace Orders.Contracts;

/// <summary>The orders procedures: the only contract between the API and the orders service.</summary>
public static class OrderProcedures
{
    public static readonly Procedure<CreateOrder, OrderView> Create = new("orders.create");
    public static readonly Procedure<GetOrder, OrderView> Get = new("orders.get");
    public static readonly Procedure<ListOrders, Page<OrderView>> List = new("orders.list");
    public static readonly Procedure<CancelOrder, bool> Cancel = new("orders.cancel");
}
