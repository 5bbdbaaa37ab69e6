using Mariachi.Communication;
using Shop.Contracts;

namespace Shop.Services;

/// <summary>Registers the orders procedures: each name is bound to the service operation that answers it.</summary>
internal sealed class OrdersModule(OrdersService service) : IProcedureModule
{
    public void Register(ICommunication communication)
    {
        communication.Register(OrdersProcedures.Create, service.CreateAsync);
        communication.Register(OrdersProcedures.Get, service.GetAsync);
    }
}
