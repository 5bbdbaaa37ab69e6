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
/// Each entry names the service that owns the procedure and its input and output types: another service, or other
/// types, registering a known name is <see cref="ErrorCodes.Communication.DuplicateProcedure"/>, since both would
/// otherwise share one queue group and each get the other's calls. Failures to reach the bucket are logged and never
/// fail a registration or a call.
/// </summary>
internal sealed partial class ProcedureDirectory(INatsConnection connection, string bucket, string prefix, string owner, ILogger logger, TimeProvider time)
{
    private const int MaxNames = 10_000;
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(3);

    private readonly object _lock = new();
    private Task<INatsKVStore>? _store;

    /// <summary>
    /// Records <paramref name="info"/> under this service unless the name is taken: throws
    /// <see cref="ErrorCodes.Communication.DuplicateProcedure"/> when another service or other types hold it; logs
    /// instead of throwing when the bucket cannot be reached.
    /// </summary>
    public async Task RecordAsync(ProcedureInfo info, CancellationToken cancellationToken)
    {
        var mine = new DirectoryEntry(owner, WireTypes.NameOf(info.InputType), WireTypes.NameOf(info.OutputType));
        DirectoryEntry? taken;
        try
        {
            var store = await StoreAsync().WaitAsync(LookupTimeout, time, cancellationToken).ConfigureAwait(false);
            taken = await ClaimAsync(store, Key(info.Name), mine, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // Shutting down.
        }
        catch (Exception exception)
        {
            LogRecordFailed(logger, exception, info.Name, bucket);
            return;
        }

        if (taken is not null)
        {
            throw Duplicate(info.Name, taken, mine);
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

    /// <summary>
    /// Writes <paramref name="mine"/> under <paramref name="key"/> if the key is free (or holds an entry of an older
    /// adapter, without an owner) and returns null; returns the entry that holds it otherwise, unless it is the same.
    /// Create and update are conditional on the server, so two services racing for one name cannot both win.
    /// </summary>
    private static async Task<DirectoryEntry?> ClaimAsync(INatsKVStore store, string key, DirectoryEntry mine, CancellationToken cancellationToken)
    {
        var value = mine.ToBytes();
        while (true)
        {
            if ((await store.TryCreateAsync(key, value, NatsRawSerializer<byte[]>.Default, cancellationToken).ConfigureAwait(false)).Success)
            {
                return null;
            }

            var current = await store.TryGetEntryAsync(key, serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (!current.Success)
            {
                continue; // Deleted meanwhile: create again.
            }

            var theirs = DirectoryEntry.Read(current.Value.Value);
            if (theirs is not null)
            {
                return theirs == mine ? null : theirs;
            }

            if ((await store.TryUpdateAsync(key, value, current.Value.Revision, NatsRawSerializer<byte[]>.Default, cancellationToken).ConfigureAwait(false)).Success)
            {
                return null;
            }
        }
    }

    private CommunicationError Duplicate(string name, DirectoryEntry theirs, DirectoryEntry mine) => new(
        ErrorCodes.Communication.DuplicateProcedure,
        $"Procedure '{name}' is already registered over NATS by service '{theirs.Owner}' (input {theirs.Input}, output {theirs.Output}); "
        + $"service '{mine.Owner}' cannot register it (input {mine.Input}, output {mine.Output}): instances of different services, or of "
        + $"other types, would share its calls. Procedure names are global: rename one. If the other registration is gone for good, "
        + $"delete key '{Key(name)}' from the JetStream key/value bucket '{bucket}'.",
        MariachiError.Meta(("procedure", name), ("owner", theirs.Owner), ("service", mine.Owner), ("bucket", bucket)));

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
