namespace Mariachi.Analyzers.Core;

/// <summary>What a call does with a procedure or an event, as <see cref="ProcedureModel.Classify"/> sees it.</summary>
internal enum ProcedureCallKind
{
    /// <summary>Not a Mariachi procedure or event call.</summary>
    None,

    /// <summary><c>ICommunication.Register</c> or a <c>CommunicationExtensions.Register</c> overload.</summary>
    Register,

    /// <summary><c>ICommunication.CallAsync</c> by name, or <c>CommunicationExtensions.CallAsync</c> by <c>Procedure&lt;TIn, TOut&gt;</c> handle.</summary>
    Call,

    /// <summary><c>IEventBus.PublishAsync</c>.</summary>
    Publish,

    /// <summary><c>IEventBus.SubscribeAsync</c> or the <c>EventBusExtensions.SubscribeAsync</c> overload.</summary>
    Subscribe,
}
