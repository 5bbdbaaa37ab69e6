using Mariachi.Communication;

namespace Violations.Services;

public static class Registrations
{
    public static void Register(ICommunication communication, OrderService orders)
    {
        communication.Register<CreateOrder, Guid>("orders.create", orders.CreateAsync);

        // MAR0004: the same procedure name again; at run time the second registration throws.
        communication.Register<CreateOrder, Guid>("orders.create", (ctx, input) => orders.SaveAsync(ctx, input));
    }
}
