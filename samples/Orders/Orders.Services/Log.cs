using Microsoft.Extensions.Logging;

namespace Orders.Services;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} created")]
    public static partial void LogOrderCreated(this ILogger logger, Guid orderId);
}
