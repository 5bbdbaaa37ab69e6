namespace Mariachi.Communication;

/// <summary>Conveniences over <see cref="ICommunication"/>.</summary>
public static class CommunicationExtensions
{
    /// <summary>Adds middleware written as a lambda, around every procedure or around <paramref name="procedure"/> only.</summary>
    public static void Use(
        this ICommunication communication,
        Func<ProcedureCall, ProcedureDelegate, Task<object?>> middleware,
        string? procedure = null)
    {
        ArgumentNullException.ThrowIfNull(communication);
        ArgumentNullException.ThrowIfNull(middleware);
        communication.Use(new DelegateMiddleware(middleware), procedure);
    }

    private sealed class DelegateMiddleware(Func<ProcedureCall, ProcedureDelegate, Task<object?>> middleware) : IProcedureMiddleware
    {
        public Task<object?> InvokeAsync(ProcedureCall call, ProcedureDelegate next) => middleware(call, next);
    }
}
