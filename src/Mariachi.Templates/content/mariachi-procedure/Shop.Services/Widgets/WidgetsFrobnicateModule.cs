using Mariachi.Communication;
using Shop.Contracts;

namespace Shop.Services;

/// <summary>Registers widgets.frobnicate, answered by <see cref="WidgetsService.FrobnicateAsync"/>.</summary>
internal sealed class WidgetsFrobnicateModule(WidgetsService service) : IProcedureModule
{
    public void Register(ICommunication communication) =>
        communication.Register(WidgetsProcedures.Frobnicate, service.FrobnicateAsync);
}
