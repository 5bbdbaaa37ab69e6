using System.Text.Json;
using Mariachi.Adapters.Nats.Wire;
using Mariachi.Communication;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;
using NATS.Net;

namespace Mariachi.Adapters.Nats.Communication;

/// <summary>
/// The procedures every instance ever registered under one subject prefix, kept in a JetStream key/value bucket.
/// A call that no instance answers is <see cref="ErrorCodes.Communication.Unavailable"/> when the directory knows
/// the name (its service is down or restarting) and <see cref="ErrorCodes.Communication.NotFound"/> when it does
/// not (a typo: the error suggests the closest known name). Entries stay when an instance stops, on purpose.
/// Failures to reach the bucket are logged and never fail a registration or a call.
/// </summary>
internal sealed partial class ProcedureDirectory(INatsConnection connection, string bucket, string prefix, ILogger logger, TimeProvider time)
{
    private const int MaxNames = 10_000;
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(3);

    private readonly object _lock = new();
    private Task<INatsKVStore>? _store;

    /// <summary>Records <paramref name="info"/>; logs instead of throwing.</summary>
    public async Task RecordAsync(ProcedureInfo info, CancellationToken cancellationToken)
    {
        try
        {
            var store = await StoreAsync().WaitAsync(LookupTimeout, time, cancellationToken).ConfigureAwait(false);
            var value = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
            {
                ["input"] = WireTypes.NameOf(info.InputType),
                ["output"] = WireTypes.NameOf(info.OutputType),
            });
            await store.PutAsync(Key(info.Name), value, NatsRawSerializer<byte[]>.Default, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception exception)
        {
            LogRecordFailed(logger, exception, info.Name, bucket);
        }
    }

    /// <summary>True or false when the directory answered; null when it could not be read.</summary>
    public async Task<bool?> ContainsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new Deadline(LookupTimeout, time, cancellationToken);
            var store = await StoreAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
            var entry = await store.TryGetEntryAsync(Key(name), serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: timeout.Token)
                .ConfigureAwait(false);
            return entry.Success;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogLookupFailed(logger, exception, bucket);
            return null;
        }
    }

    /// <summary>The recorded names (at most 10,000), for suggestions; empty when the directory cannot be read.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            using var timeout = new Deadline(LookupTimeout, time, cancellationToken);
            var store = await StoreAsync().WaitAsync(timeout.Token).ConfigureAwait(false);
            await foreach (var key in store.GetKeysAsync([prefix + ".>"], cancellationToken: timeout.Token).ConfigureAwait(false))
            {
                names.Add(key[(prefix.Length + 1)..]);
                if (names.Count >= MaxNames)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogLookupFailed(logger, exception, bucket);
        }

        return names;
    }

    private string Key(string name) => prefix + "." + name;

    private Task<INatsKVStore> StoreAsync()
    {
        lock (_lock)
        {
            if (_store is null || _store.IsFaulted || _store.IsCanceled)
            {
                _store = OpenAsync();
            }

            return _store;
        }
    }

    private async Task<INatsKVStore> OpenAsync()
    {
        var context = connection.CreateKeyValueStoreContext();
        try
        {
            return await context.GetStoreAsync(bucket).ConfigureAwait(false);
        }
        catch (NatsJSException)
        {
            // Not there yet: create it below.
        }

        try
        {
            return await context.CreateStoreAsync(new NatsKVConfig(bucket)
            {
                Description = "Mariachi procedure directory: every procedure name registered over NATS",
                History = 1,
                Storage = NatsKVStorageType.File,
            }).ConfigureAwait(false);
        }
        catch (NatsJSApiException)
        {
            // Another instance created it meanwhile.
            return await context.GetStoreAsync(bucket).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record procedure {Procedure} in the NATS procedure directory {Bucket}; callers will see not-found instead of unavailable while no instance serves it")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string procedure, string bucket);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read the NATS procedure directory {Bucket}")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception, string bucket);
}
