using Mariachi;
using Mariachi.Communication;
using Violations.Services;

namespace Violations.Controllers;

public sealed class CheckoutController(ICommunication communication)
{
    // MAR0012: no procedure is registered under this name (did you mean 'orders.create'?).
    public ValueTask<Guid> Place(Context ctx, CreateOrder input) => communication.CallAsync<Guid>("orders.craete", ctx, input);

    // MAR0013: 'orders.create' takes a CreateOrder, not a string.
    public ValueTask<Guid> Quick(Context ctx, string customer) => communication.CallAsync<Guid>("orders.create", ctx, customer);
}
