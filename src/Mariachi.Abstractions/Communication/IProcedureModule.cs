namespace Mariachi.Communication;

/// <summary>
/// A group of procedure registrations (usually one per service). Modules added through DI are registered when the
/// <see cref="ICommunication"/> is first resolved, before any call can reach it.
/// </summary>
public interface IProcedureModule
{
    void Register(ICommunication communication);
}
