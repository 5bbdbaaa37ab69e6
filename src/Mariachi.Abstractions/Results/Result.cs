namespace Mariachi;

/// <summary>Factory and <c>Try</c> helpers for <see cref="Result{T}"/>.</summary>
public static class Result
{
    public static Result<T> Ok<T>(T value) => Result<T>.Ok(value);

    public static Result<T> Err<T>(MariachiError error) => Result<T>.Err(error);

    /// <summary>
    /// Runs <paramref name="action"/>: its value becomes Ok, a <see cref="MariachiError"/> becomes Err. Any other
    /// exception becomes Err with code <see cref="ErrorCodes.Internal"/> and the exception kept as the inner one.
    /// Cancellation is not an error and propagates.
    /// </summary>
    public static Result<T> Try<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return Result<T>.Ok(action());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Result<T>.Err(ToError(exception));
        }
    }

    /// <inheritdoc cref="Try{T}(Func{T})"/>
    public static async Task<Result<T>> TryAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return Result<T>.Ok(await action().ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Result<T>.Err(ToError(exception));
        }
    }

    private static MariachiError ToError(Exception exception) =>
        exception as MariachiError ?? new MariachiError(ErrorCodes.Internal, exception.Message, innerException: exception);
}
