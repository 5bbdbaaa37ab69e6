namespace Mariachi.Diagnostics;

/// <summary>Instrument and attribute names (OpenTelemetry semantic conventions, and Mariachi's own).</summary>
internal static class TelemetryNames
{
    public const string MariachiSystem = "mariachi";

    public const string RpcClientDuration = "rpc.client.duration";
    public const string RpcServerDuration = "rpc.server.duration";
    public const string MessagingClientOperationDuration = "messaging.client.operation.duration";
    public const string MessagingSentMessages = "messaging.client.sent.messages";
    public const string MessagingProcessDuration = "messaging.process.duration";
    public const string MessagingConsumedMessages = "messaging.client.consumed.messages";
    public const string DbClientOperationDuration = "db.client.operation.duration";

    public const string RpcSystem = "rpc.system";
    public const string RpcMethod = "rpc.method";
    public const string MessagingSystem = "messaging.system";
    public const string MessagingOperationType = "messaging.operation.type";
    public const string MessagingOperationName = "messaging.operation.name";
    public const string MessagingDestination = "messaging.destination.name";
    public const string MessagingConsumerGroup = "messaging.consumer.group.name";
    public const string DbSystem = "db.system.name";
    public const string DbOperation = "db.operation.name";
    public const string DbCollection = "db.collection.name";
    public const string ErrorType = "error.type";

    public const string Procedure = "mariachi.procedure";
    public const string Event = "mariachi.event";
    public const string EventDelivery = "mariachi.event.delivery";
    public const string TenantId = "mariachi.tenant_id";
    public const string ErrorCode = "mariachi.error.code";
    public const string Outcome = "mariachi.outcome";

    public const string Send = "send";
    public const string Publish = "publish";
    public const string Process = "process";
    public const string Ok = "ok";
    public const string Cancelled = "cancelled";
}
