using Mariachi.Communication;
using Shop.Contracts;

namespace Shop.Services;

/// <summary>Registers the gadgets procedures: each name is bound to the service operation that answers it.</summary>
internal sealed class GadgetsModule(GadgetsService service) : IProcedureModule
{
    public void Register(ICommunication communication) =>
        communication.Register(GadgetsProcedures.Status, service.StatusAsync);
}
